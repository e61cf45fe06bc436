import time
from multiprocessing import Process, Queue
from queue import Empty, Full

CAPACITY = 3           # the most items the queue holds (maxsize)
ITEMS = 6              # how many items the producer puts
PRODUCER_DELAY = 0.0   # seconds the producer waits before each item
CONSUMER_DELAY = 1.0   # seconds the consumer waits before each get
MODE = "blocking"      # "blocking", "timeout" or "nowait"
TIMEOUT = 0.5          # timeout mode: how long to wait; nowait mode: pause before trying again


def make_item(i):
    """Item i, of one of five types in turn: any object that can be pickled can go in a queue."""
    kind = i % 5
    if kind == 1:
        return f"text {i}"
    if kind == 2:
        return i
    if kind == 3:
        return i + 0.5
    if kind == 4:
        return [i, i * i]
    return {"item": i}


def describe(item):
    return f"{item!r} ({type(item).__name__})"


def put(q, item):
    if MODE == "blocking":
        q.put(item)  # waits as long as the queue is full
    elif MODE == "timeout":
        q.put(item, timeout=TIMEOUT)  # waits at most TIMEOUT, then Full
    else:
        q.put_nowait(item)  # Full at once if there is no room


def get(q):
    if MODE == "blocking":
        return q.get()  # waits as long as the queue is empty
    if MODE == "timeout":
        return q.get(timeout=TIMEOUT)  # waits at most TIMEOUT, then Empty
    return q.get_nowait()  # Empty at once if there is nothing


def send(q, item):
    """Puts one item, trying again after every Full until it fits."""
    while True:
        try:
            put(q, item)
            return
        except Full:
            print(f"producer: Full, no room for {item!r} yet", flush=True)
            if MODE == "nowait":
                time.sleep(TIMEOUT)  # nothing waited for us, so pause before asking again


def receive(q):
    """Takes one item, trying again after every Empty until there is one."""
    while True:
        try:
            return get(q)
        except Empty:
            print("consumer: Empty, nothing to take yet", flush=True)
            if MODE == "nowait":
                time.sleep(TIMEOUT)


def producer(q):
    for i in range(1, ITEMS + 1):
        time.sleep(PRODUCER_DELAY)
        item = make_item(i)
        print(f"producer: putting {describe(item)}", flush=True)
        send(q, item)
        print(f"producer: put {item!r}", flush=True)
    print("producer: putting None, the sign that nothing more will come", flush=True)
    send(q, None)  # the consumer stops when it gets None
    print("producer: done", flush=True)


def consumer(q):
    while True:
        time.sleep(CONSUMER_DELAY)
        item = receive(q)
        if item is None:
            break
        print(f"consumer: got {describe(item)}", flush=True)
    print("consumer: done", flush=True)


if __name__ == "__main__":
    q = Queue(CAPACITY)
    print(f"main: a queue of capacity {CAPACITY}, {ITEMS} items, mode {MODE}", flush=True)
    p = Process(target=producer, args=(q,), name="producer")
    c = Process(target=consumer, args=(q,), name="consumer")
    p.start()
    c.start()
    p.join()
    c.join()
    print("main: done", flush=True)
