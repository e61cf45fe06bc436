import random
import time
from multiprocessing import JoinableQueue, Process, current_process

PRODUCERS = 2       # producer processes (chefs)
CONSUMERS = 2       # consumer processes (diners)
ITEMS = 10          # items each producer makes
MAKE_TIME = 0.5     # making an item takes a random time up to this (seconds)
EAT_TIME = 0.5      # eating an item takes a random time up to this (seconds)
DAEMON = True       # are the consumers daemons?
JOIN_QUEUE = True   # does main wait with q.join() for every item to be finished?

FOODS = ["bun", "dumpling", "noodles", "pancake"]


def producer(food, q):
    me = current_process().name
    rng = random.Random()  # a fresh generator: forked children would otherwise share one state
    for i in range(1, ITEMS + 1):
        time.sleep(rng.uniform(0, MAKE_TIME))  # cooking takes a while
        item = f"{food} {i}"
        q.put(item)
        print(f"{me} made {item}", flush=True)
    print(f"{me} has finished cooking", flush=True)


def consumer(q):
    me = current_process().name
    rng = random.Random()
    while True:  # a consumer cannot tell that no more items will come, so it never stops by itself
        item = q.get()
        time.sleep(rng.uniform(0, EAT_TIME))
        print(f"{me} ate {item}", flush=True)
        q.task_done()  # this item is finished with


if __name__ == "__main__":
    q = JoinableQueue()

    producers = []
    for i in range(1, PRODUCERS + 1):
        food = FOODS[(i - 1) % len(FOODS)]
        producers.append(Process(target=producer, args=(food, q), name=f"chef {i}"))
    consumers = []
    for i in range(1, CONSUMERS + 1):
        c = Process(target=consumer, args=(q,), name=f"diner {i}")
        c.daemon = DAEMON  # ended when main's code ends, before start() as always
        consumers.append(c)
    for p in producers:
        p.start()
    for c in consumers:
        c.start()

    for p in producers:
        p.join()
    print("main: every chef has finished", flush=True)
    if JOIN_QUEUE:
        q.join()  # returns once every item put has had its task_done()
        print("main: every item has been eaten", flush=True)
    print("main: ending", flush=True)
