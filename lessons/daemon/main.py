import time
from multiprocessing import Process

DAEMON = True      # is the child a daemon?
CHILD_SLEEP = 3    # seconds the child sleeps
PARENT_SLEEP = 1   # seconds the parent sleeps


def work(seconds):
    print("child: alive", flush=True)
    time.sleep(seconds)
    print("child: normal death", flush=True)


if __name__ == "__main__":
    p = Process(target=work, args=(CHILD_SLEEP,))
    p.daemon = DAEMON  # only allowed before start()
    p.start()
    time.sleep(PARENT_SLEEP)
    print("main: ending", flush=True)
