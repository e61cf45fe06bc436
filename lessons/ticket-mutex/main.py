import json
import os
import random
import shutil
import time
from multiprocessing import Lock, Process, current_process

TICKETS = 1       # tickets on sale
BUYERS = 10       # buyer processes
LOCK = False      # buy under a lock?
DELAY_MIN = 0.5   # the payment takes between DELAY_MIN ...
DELAY_MAX = 1.0   # ... and DELAY_MAX seconds
SEED = 0          # 0: a new seed for every run

# Relative paths: every process works in the same folder, so they all see these files.
TICKETS_FILE = "tickets.json"
RECEIPTS = "receipts"


def read_count():
    with open(TICKETS_FILE) as f:
        return json.load(f)["count"]


def write_count(count):
    # Write a whole new file and swap it in, so that a reader never sees a half-written one.
    tmp = f"{TICKETS_FILE}.{os.getpid()}.tmp"
    with open(tmp, "w") as f:
        json.dump({"count": count}, f)
    os.replace(tmp, TICKETS_FILE)


def search(me):
    print(f"{me} sees {read_count()} ticket(s) left", flush=True)


def buy(me, rng):
    count = read_count()
    if count <= 0:
        print(f"{me} found it sold out", flush=True)
        return
    count = count - 1
    time.sleep(rng.uniform(DELAY_MIN, DELAY_MAX))  # the payment goes through
    write_count(count)
    with open(os.path.join(RECEIPTS, me.replace(" ", "-") + ".txt"), "w") as f:
        f.write(me)
    print(f"{me} bought a ticket", flush=True)


def buyer(lock, seed):
    me = current_process().name
    rng = random.Random(seed)
    search(me)  # everyone may look at the same time
    if lock is None:
        buy(me, rng)
    else:
        with lock:  # one buyer at a time from reading the count to writing it back
            buy(me, rng)


if __name__ == "__main__":
    seed = SEED if SEED != 0 else random.randrange(1, 1_000_000)
    print(f"main: {TICKETS} ticket(s), {BUYERS} buyers, lock {'on' if LOCK else 'off'}, seed {seed}", flush=True)
    write_count(TICKETS)
    shutil.rmtree(RECEIPTS, ignore_errors=True)  # receipts of an earlier run
    os.makedirs(RECEIPTS)

    lock = Lock() if LOCK else None
    buyers = []
    for i in range(1, BUYERS + 1):
        p = Process(target=buyer, args=(lock, seed + i), name=f"buyer {i}")
        p.start()
        buyers.append(p)
    for p in buyers:
        p.join()

    sold = len(os.listdir(RECEIPTS))
    print(f"main: sold {sold} of {TICKETS} ticket(s); the file says {read_count()} left", flush=True)
    if sold > TICKETS:
        print(f"main: oversold by {sold - TICKETS}", flush=True)
