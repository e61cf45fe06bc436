from multiprocessing import Process

VALUE = 100        # the starting value of n
JOIN_FIRST = True  # does the parent join before printing?

n = VALUE


def work():
    global n
    n = 0
    print(f"child: n = {n}", flush=True)


if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    if JOIN_FIRST:
        p.join()
    print(f"parent: n = {n}", flush=True)
