#!/usr/bin/env python3
"""Python twin of dev.proclab.bench.StartupProbe: what ProcLab's Java start-up is compared with.

Starts and joins WARMUP + N processes with a target whose only statement stamps
time.monotonic_ns() (the same clock as Java's System.nanoTime() on Linux) into shared memory, one
after the other, with the given start method; then a burst of BURST processes started in a loop and
joined afterwards; then one process that sleeps, whose VmRSS and Pss it reads after SETTLE seconds.
Before each warm start, the burst and the sleeper it waits PAUSE seconds (as StartupProbe does).
Prints, after all measurements, one line per child

  sample cold|warm <pid> <first_line_ns> <start_join_ns> <child_cpu_ns>
  burst <pid> <first_line_ns> <burst_ns>

then  rss <pid> <VmRSS kB> <Pss kB>  of the sleeping child. first_line_ns is the child's stamp minus
time.monotonic_ns() read just before Process.start(); start_join_ns is the time from there until
Process.join() returned; child_cpu_ns what getrusage(RUSAGE_CHILDREN) grew by meanwhile (user + system;
-1 for forkserver, whose children are the server's); for the burst, first_line_ns is measured from just
before that child's start() and burst_ns from the burst's first start() until all were joined. The cold samples are the first WARMUP starts of the run (for forkserver they
include starting the server).

Run by StartupBench, or alone:  python3 src/test/python/startup_bench.py --method spawn --n 20
"""

import argparse
import multiprocessing as mp
import resource
import time


def first_line(stamp):
    stamp.value = time.monotonic_ns()


def first_line_at(stamps, i):
    stamps[i] = time.monotonic_ns()


def idle(seconds):
    time.sleep(seconds)


def children_cpu_ns():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return int((usage.ru_utime + usage.ru_stime) * 1e9)


def kilo_bytes(path, key):
    with open(path) as f:
        for line in f:
            if line.startswith(key):
                return int(line[len(key):].split()[0])
    return -1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--method", choices=["fork", "forkserver", "spawn"], required=True)
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--settle", type=float, default=1.0)
    parser.add_argument("--burst", type=int, default=8)
    parser.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args()

    ctx = mp.get_context(args.method)
    stamp = ctx.RawValue("q", 0)
    lines = []
    for i in range(args.warmup + args.n):
        if i >= args.warmup and args.pause > 0:
            time.sleep(args.pause)
        stamp.value = 0
        p = ctx.Process(target=first_line, args=(stamp,))
        cpu0 = children_cpu_ns()
        t0 = time.monotonic_ns()
        p.start()
        p.join()
        t1 = time.monotonic_ns()
        cpu = -1 if args.method == "forkserver" else children_cpu_ns() - cpu0
        if p.exitcode != 0 or stamp.value == 0:
            raise SystemExit(f"child {p.pid} failed (exit code {p.exitcode})")
        kind = "cold" if i < args.warmup else "warm"
        lines.append(f"sample {kind} {p.pid} {stamp.value - t0} {t1 - t0} {cpu}")

    if args.burst > 0:
        if args.pause > 0:
            time.sleep(args.pause)
        stamps = ctx.RawArray("q", args.burst)
        ps, t0 = [], []
        for i in range(args.burst):
            p = ctx.Process(target=first_line_at, args=(stamps, i))
            t0.append(time.monotonic_ns())
            p.start()
            ps.append(p)
        for p in ps:
            p.join()
        t1 = time.monotonic_ns()
        for i, p in enumerate(ps):
            if p.exitcode != 0 or stamps[i] == 0:
                raise SystemExit(f"child {p.pid} failed (exit code {p.exitcode})")
            lines.append(f"burst {p.pid} {stamps[i] - t0[i]} {t1 - t0[0]}")

    if args.pause > 0:
        time.sleep(args.pause)
    sleeper = ctx.Process(target=idle, args=(120,))
    sleeper.start()
    time.sleep(args.settle)
    rss = kilo_bytes(f"/proc/{sleeper.pid}/status", "VmRSS:")
    pss = kilo_bytes(f"/proc/{sleeper.pid}/smaps_rollup", "Pss:")
    sleeper.terminate()
    sleeper.join()
    lines.append(f"rss {sleeper.pid} {rss} {pss}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
