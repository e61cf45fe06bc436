#!/usr/bin/env python3
"""Python twin of dev.proclab.bench.EngineProbe: what ProcLab's shared objects are compared with.

Runs the same cases with the same steps as the Java probe, with multiprocessing's default start
method on Linux (fork), and prints one line per case

  result <case> <value> <n>

the value in operations per second (pingpong: microseconds per round trip), then

  cpu <case> <microseconds of CPU per operation>

the user + system time of this process and the case's children over the measured pass (from
/proc/<pid>/stat), per operation (per acquisition, increment, item, round trip or task). Each case runs a short
calibration pass (also the warm-up), then a measured pass sized to last about SECONDS. Timing starts
once the children are started and waiting; where children finish the work, the end is the latest
time.monotonic_ns() they report (the same clock as Java's System.nanoTime() on Linux).

Run by EngineBench, or alone:  python3 src/test/python/engine_bench.py --cases pingpong,counter
"""

import argparse
import os
import multiprocessing as mp
import time

KIB = bytes(1024)
WATCHED = []
CPU = [0, 0]


def cpu_ticks():
    """User + system CPU time of the watched processes, in clock ticks (10 ms), from /proc/<pid>/stat."""
    total = 0
    for pid in WATCHED:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            pass
    return total


def cpu_from(*children):
    """Starts counting CPU time: this process and the case's children (their threads included)."""
    WATCHED[:] = [os.getpid()] + [p.pid for p in children]
    CPU[0] = cpu_ticks()


def cpu_to():
    CPU[1] = cpu_ticks()
CASES = "queue-int,queue-1k,pingpong,lock-contended,lock-alternate,counter,pool-default,pool-chunk1"


# ---- queue: one producer -> one consumer ----------------------------------------------------------------

def produce(q, ready, go, n, kib):
    ready.put("ready")
    go.get()
    for i in range(n):
        q.put(KIB if kib else i)


def queue(n, kib):
    q, ready, go = mp.Queue(), mp.Queue(), mp.Queue()
    p = mp.Process(target=produce, args=(q, ready, go, n, kib))
    p.start()
    ready.get()
    cpu_from(p)
    t0 = time.monotonic_ns()
    go.put("go")
    for i in range(n):
        item = q.get()
        if (len(item) != 1024) if kib else (item != i):
            raise SystemExit(f"item {i} came out of order or damaged")
    t1 = time.monotonic_ns()
    cpu_to()
    p.join()
    return n / ((t1 - t0) / 1e9)


# ---- ping-pong: a round trip through two queues -----------------------------------------------------------

def echo(there, back, n):
    for _ in range(n):
        back.put(there.get())


def pingpong(n):
    there, back = mp.Queue(), mp.Queue()
    p = mp.Process(target=echo, args=(there, back, n + 1))
    p.start()
    there.put(-1)
    back.get()
    cpu_from(p)
    t0 = time.monotonic_ns()
    for i in range(n):
        there.put(i)
        if back.get() != i:
            raise SystemExit("echo out of order")
    t1 = time.monotonic_ns()
    cpu_to()
    p.join()
    return (t1 - t0) / 1e3 / n


# ---- locks ------------------------------------------------------------------------------------------------

def hammer(lock, ready, go, done, n):
    ready.put("ready")
    go.get()
    for _ in range(n):
        lock.acquire()
        lock.release()
    done.put(time.monotonic_ns())


def lock_contended(n):
    lock, ready, go, done = mp.Lock(), mp.Queue(), mp.Queue(), mp.Queue()
    ps = [mp.Process(target=hammer, args=(lock, ready, go, done, n)) for _ in range(2)]
    for p in ps:
        p.start()
    ready.get()
    ready.get()
    cpu_from(*ps)
    t0 = time.monotonic_ns()
    go.put("go")
    go.put("go")
    t1 = max(done.get(), done.get())
    cpu_to()
    for p in ps:
        p.join()
    return 2 * n / ((t1 - t0) / 1e9)


def alternate(mine, theirs, ready, done, n):
    ready.put("ready")
    for _ in range(n):
        mine.acquire()
        theirs.release()
    done.put(time.monotonic_ns())


def lock_alternate(n):
    ping, pong, ready, done = mp.Lock(), mp.Lock(), mp.Queue(), mp.Queue()
    ping.acquire()
    pong.acquire()
    a = mp.Process(target=alternate, args=(ping, pong, ready, done, n))
    b = mp.Process(target=alternate, args=(pong, ping, ready, done, n))
    a.start()
    b.start()
    ready.get()
    ready.get()
    cpu_from(a, b)
    t0 = time.monotonic_ns()
    ping.release()
    t1 = max(done.get(), done.get())
    cpu_to()
    a.join()
    b.join()
    return 2 * n / ((t1 - t0) / 1e9)


# ---- shared counter -----------------------------------------------------------------------------------------

def add(counter, ready, go, done, n):
    ready.put("ready")
    go.get()
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1
    done.put(time.monotonic_ns())


def counter(n):
    value, ready, go, done = mp.Value("i", 0), mp.Queue(), mp.Queue(), mp.Queue()
    ps = [mp.Process(target=add, args=(value, ready, go, done, n)) for _ in range(2)]
    for p in ps:
        p.start()
    ready.get()
    ready.get()
    cpu_from(*ps)
    t0 = time.monotonic_ns()
    go.put("go")
    go.put("go")
    t1 = max(done.get(), done.get())
    cpu_to()
    for p in ps:
        p.join()
    if value.value != 2 * n:
        raise SystemExit(f"the guarded counter is {value.value}, not {2 * n}")
    return 2 * n / ((t1 - t0) / 1e9)


# ---- Pool -----------------------------------------------------------------------------------------------------

def twice(x):
    return x * 2


def pool(n, chunksize):
    with mp.Pool(2) as p:
        p.map(twice, range(2))  # the workers run
        WATCHED[:] = [os.getpid()] + [w.pid for w in p._pool]
        CPU[0] = cpu_ticks()
        t0 = time.monotonic_ns()
        out = p.map(twice, range(n)) if chunksize == 0 else p.map(twice, range(n), chunksize)
        t1 = time.monotonic_ns()
        cpu_to()
    if len(out) != n or out[-1] != 2 * (n - 1):
        raise SystemExit("Pool.map returned a wrong result")
    return n / ((t1 - t0) / 1e9)


MEASURE = {
    "queue-int": lambda n: queue(n, False),
    "queue-1k": lambda n: queue(n, True),
    "pingpong": pingpong,
    "lock-contended": lock_contended,
    "lock-alternate": lock_alternate,
    "counter": counter,
    "pool-default": lambda n: pool(n, 0),
    "pool-chunk1": lambda n: pool(n, 1),
}


def calibration_size(name):
    return {"pool-default": 100_000, "pool-chunk1": 2_000}.get(name, 1_000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=CASES)
    parser.add_argument("--seconds", type=float, default=0.5)
    args = parser.parse_args()
    for name in [c.strip() for c in args.cases.split(",") if c.strip()]:
        n0 = calibration_size(name)
        warm = MEASURE[name](n0)
        rate = 1e6 / warm if name == "pingpong" else warm
        n = int(max(n0, min(2_000_000, rate * args.seconds)))
        if name == "pool-default":
            n = 100_000
        value = MEASURE[name](n)
        print(f"result {name} {value:.3f} {n}", flush=True)
        ops = 2 * n if name.startswith("lock") or name == "counter" else n
        print(f"cpu {name} {(CPU[1] - CPU[0]) * 10_000 / ops:.3f}", flush=True)


if __name__ == "__main__":
    main()
