import os
import time
from multiprocessing import Pool, Process, Queue, current_process

WORKERS = 3        # N: the worker processes of the pool
TASKS = 20         # M: how many tasks there are
DURATION = 0.5     # seconds an average task works (they take 0.5, 1 and 1.5 times this in turn)
CHUNKSIZE = 1      # how many tasks a worker takes at a time
MODE = "map"       # "map", "apply_async" or "imap_unordered"
VARIANT = "pool"   # "pool", or "process-per-task" for a new process for every task


def work(task):
    """One task: works for a while, then says who did it."""
    time.sleep(DURATION * (1 + task % 3) / 2)
    return task, current_process().name, os.getpid()


def show(done):
    task, worker, pid = done
    print(f"main: task {task} was done by {worker} (pid {pid})", flush=True)


def with_pool(tasks):
    results = []
    with Pool(WORKERS) as pool:  # starts WORKERS processes, once
        if MODE == "map":
            # Waits for every task; the results come in the order of the tasks.
            results = pool.map(work, tasks, CHUNKSIZE)
            for done in results:
                show(done)
        elif MODE == "apply_async":
            # Each call returns at once with a handle; get() waits for that task's result.
            handles = [pool.apply_async(work, (task,)) for task in tasks]
            for handle in handles:
                done = handle.get()
                show(done)
                results.append(done)
        else:
            # imap_unordered: each result as soon as it is ready, in the order the tasks finish.
            for done in pool.imap_unordered(work, tasks, CHUNKSIZE):
                show(done)
                results.append(done)
        pool.close()  # no more tasks: the workers exit when the queue is empty
        pool.join()  # wait until they have
    return results


def work_and_report(task, results):
    results.put(work(task))


def process_per_task(tasks):
    """The same work without a pool: a new process for every task."""
    queue = Queue()
    started = []
    for task in tasks:
        p = Process(target=work_and_report, args=(task, queue))
        p.start()
        started.append(p)
    results = []
    for _ in tasks:
        done = queue.get()
        show(done)
        results.append(done)
    for p in started:
        p.join()
    return results


if __name__ == "__main__":
    tasks = list(range(TASKS))
    if VARIANT == "pool":
        print(f"main: {TASKS} tasks, a pool of {WORKERS} workers, {MODE}, chunksize {CHUNKSIZE}", flush=True)
    else:
        print(f"main: {TASKS} tasks, one process per task", flush=True)
    start = time.monotonic()
    results = with_pool(tasks) if VARIANT == "pool" else process_per_task(tasks)
    seconds = time.monotonic() - start

    pids = {pid for _, _, pid in results}
    print(f"main: {len(results)} results from {len(pids)} different processes in {seconds:.2f} s", flush=True)
