import time
from multiprocessing import Process

CHILDREN = 3       # how many children; child i sleeps i seconds
JOIN = "after"     # "after", "inside" or "never"
STYLE = "target"   # "target" or "subclass"


def task(who, seconds):
    print(f"{who} is running", flush=True)
    time.sleep(seconds)
    print(f"{who} is done", flush=True)


# The second way to define a process: subclass Process and override run().
class Worker(Process):
    def __init__(self, who, seconds):
        super().__init__()
        self.who = who
        self.seconds = seconds

    def run(self):
        task(self.who, self.seconds)


if __name__ == "__main__":
    start = time.perf_counter()
    started = []
    for i in range(1, CHILDREN + 1):
        if STYLE == "subclass":
            p = Worker(f"child {i}", i)
        else:
            p = Process(target=task, args=(f"child {i}", i))
        p.start()
        if JOIN == "inside":
            p.join()
        started.append(p)
    print(f"main: started {CHILDREN} children", flush=True)
    if JOIN == "after":
        for p in started:
            p.join()
    elapsed = time.perf_counter() - start
    print(f"main: done after {elapsed:.2f} s", flush=True)
