package dev.proclab.lesson;

import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.PoolEvent;
import dev.proclab.lesson.CheckResult.EventRef;
import dev.proclab.lesson.CheckRule.PoolRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges the {@code pool} rule over {@code PoolEvent}s: which workers ran the tasks, how many were started,
 * whether a worker ever ran two tasks at once, how many results came back, and in what order tasks
 * finished. Events are taken in time order: the broker stamps what it did, each worker when its task's code
 * began and ended.
 */
final class PoolRules {
    private static final int CITED = 10;

    private PoolRules() {}

    static Evidence pool(PoolRule rule, RunFacts run) {
        List<IpcCreated> pools = run.objects(List.of("Pool"), rule.object());
        if (pools.isEmpty()) {
            return Evidence.failed(
                    rule.object().equals("*")
                            ? Say.of("This run created no pool.", "这次运行没有创建进程池。")
                            : Say.of(
                                    "This run created no pool named '" + rule.object() + "'.",
                                    "这次运行没有创建名为 '" + rule.object() + "' 的进程池。"));
        }
        double expected = rule.expect().expected(run.knobs);
        boolean passed = true;
        Say sentences = Say.EMPTY;
        List<EventRef> refs = new ArrayList<>();
        for (IpcCreated pool : pools) {
            Evidence e = pool(rule, pool, run, expected);
            passed &= e.passed();
            sentences =
                    sentences.isEmpty() ? e.sentence() : sentences.then(" ", "").then(e.sentence());
            refs.addAll(e.events());
        }
        return Evidence.of(passed, sentences, refs.size() > CITED ? List.copyOf(refs.subList(0, CITED)) : refs);
    }

    private static Evidence pool(PoolRule rule, IpcCreated pool, RunFacts run, double expected) {
        String name = pool.name();
        List<PoolEvent> events = run.poolEvents(pool.objectId());
        List<EventRef> refs = new ArrayList<>();
        Say said;
        double n;
        switch (rule.of()) {
            case WORKERS -> {
                Map<Long, List<PoolEvent>> byWorker = new LinkedHashMap<>();
                ops(events, PoolEvent.Op.STARTED)
                        .forEach(e -> byWorker.computeIfAbsent(e.workerPid(), w -> new ArrayList<>())
                                .add(e));
                n = byWorker.size();
                List<Say> each = new ArrayList<>();
                byWorker.forEach((worker, started) -> {
                    PoolEvent first = started.get(0);
                    refs.add(new EventRef(worker, first.nanos(), "ran a task of " + name));
                    each.add(run.said(worker)
                            .then(
                                    " ran " + Evidence.plural(started.size(), "task", "tasks") + ", the first at "
                                            + run.at(first.nanos()),
                                    " 运行了 " + started.size() + " 个任务，第一个在 " + run.at(first.nanos())));
                });
                said = Say.of(
                                "The tasks of " + name + " ran on "
                                        + Evidence.plural(byWorker.size(), "process", "processes"),
                                name + " 的任务在 " + byWorker.size() + " 个进程上运行")
                        .then(each.isEmpty() ? Say.EMPTY : Say.of(": ", "：").then(Say.clauses(each, 8)));
            }
            case WORKER_STARTS -> {
                List<PoolEvent> started = ops(events, PoolEvent.Op.WORKER_STARTED);
                n = started.size();
                int tasks = ops(events, PoolEvent.Op.STARTED).size();
                started.forEach(e -> refs.add(new EventRef(e.workerPid(), e.nanos(), "joined " + name)));
                List<Say> each = started.stream()
                        .map(e -> run.said(e.workerPid()).then(" at " + run.at(e.nanos()), " 在 " + run.at(e.nanos())))
                        .toList();
                said = Say.of(
                                name + " started "
                                        + Evidence.plural(started.size(), "worker process", "worker processes")
                                        + (started.size() == 1 ? " and gave it " : " and gave them ")
                                        + Evidence.plural(tasks, "task", "tasks"),
                                name + " 启动了 " + started.size() + " 个工作进程，并把 " + tasks + " 个任务交给它们")
                        .then(each.isEmpty() ? Say.EMPTY : Say.of(": ", "：").then(Say.names(each, 8)));
            }
            case BUSY_AT_ONCE -> {
                Map<Long, Integer> running = new HashMap<>();
                int most = 0;
                PoolEvent worst = null;
                for (PoolEvent e : events) {
                    if (e.op() == PoolEvent.Op.STARTED) {
                        int now = running.merge(e.workerPid(), 1, Integer::sum);
                        if (now > most) {
                            most = now;
                            worst = e;
                        }
                    } else if (e.op() == PoolEvent.Op.FINISHED) {
                        running.merge(e.workerPid(), -1, Integer::sum);
                    }
                }
                n = most;
                int tasks = ops(events, PoolEvent.Op.STARTED).size();
                if (worst != null) {
                    refs.add(new EventRef(worst.workerPid(), worst.nanos(), "started a task of " + name));
                }
                said = most <= 1
                        ? Say.of(
                                "Each worker of " + name + " ran one task at a time: each of the " + tasks
                                        + " tasks finished before its worker started the next",
                                name + " 的每个工作进程一次只运行一个任务：" + tasks + " 个任务中，每个都在它的工作进程开始下一个之前完成")
                        : run.said(worst.workerPid())
                                .then(
                                        " was running " + most + " tasks of " + name + " at once at "
                                                + run.at(worst.nanos()),
                                        " 在 " + run.at(worst.nanos()) + " 同时运行着 " + name + " 的 " + most + " 个任务");
            }
            case RESULTS -> {
                List<PoolEvent> delivered = ops(events, PoolEvent.Op.DELIVERED).stream()
                        .filter(PoolEvent::ok)
                        .toList();
                n = delivered.stream().mapToInt(PoolEvent::count).sum();
                delivered.forEach(e -> refs.add(new EventRef(e.actor(), e.nanos(), "got a result of " + name)));
                long failed = ops(events, PoolEvent.Op.DELIVERED).stream()
                        .filter(e -> !e.ok())
                        .count();
                said = Say.of(
                                Evidence.number(n) + " results came back from " + name + " in "
                                        + Evidence.plural(delivered.size(), "task", "tasks"),
                                name + " 共返回了 " + Evidence.number(n) + " 个结果，分属 " + delivered.size() + " 个任务")
                        .then(
                                failed == 0
                                        ? Say.EMPTY
                                        : Say.of(", and " + failed + " tasks failed", "，另有 " + failed + " 个任务失败"));
            }
            default -> {
                // Per call (job): a task finished out of order when a task given earlier finished after it.
                Map<Integer, List<PoolEvent>> finishedByJob = new LinkedHashMap<>();
                ops(events, PoolEvent.Op.FINISHED).forEach(e -> finishedByJob
                        .computeIfAbsent(e.jobId(), j -> new ArrayList<>())
                        .add(e));
                int count = 0;
                int total = 0;
                PoolEvent early = null;
                PoolEvent late = null;
                for (List<PoolEvent> finished : finishedByJob.values()) {
                    total += finished.size();
                    for (int i = 0; i < finished.size(); i++) {
                        PoolEvent e = finished.get(i);
                        for (int j = i + 1; j < finished.size(); j++) {
                            if (finished.get(j).firstIndex() < e.firstIndex()) {
                                count++;
                                if (early == null) {
                                    early = e;
                                    late = finished.get(j);
                                }
                                break;
                            }
                        }
                    }
                }
                n = count;
                if (early == null) {
                    said = Say.of(
                            "The " + Evidence.plural(total, "task", "tasks") + " of " + name
                                    + " finished in the order they were given",
                            name + " 的 " + total + " 个任务按交付的顺序完成");
                } else {
                    refs.add(new EventRef(early.workerPid(), early.nanos(), "finished input " + early.firstIndex()));
                    refs.add(new EventRef(late.workerPid(), late.nanos(), "finished input " + late.firstIndex()));
                    said = Say.of(
                                    count + " of the " + total + " tasks of " + name
                                            + " finished before a task given earlier: ",
                                    name + " 的 " + total + " 个任务中，有 " + count + " 个比更早交付的任务先完成：")
                            .then(run.said(early.workerPid()))
                            .then(
                                    " finished input " + early.firstIndex() + " at " + run.at(early.nanos())
                                            + ", before "
                                            + run.said(late.workerPid()).en() + " finished input " + late.firstIndex()
                                            + " at " + run.at(late.nanos()),
                                    " 在 " + run.at(early.nanos()) + " 完成了输入 " + early.firstIndex() + "，早于 "
                                            + run.said(late.workerPid()).zh() + " 在 " + run.at(late.nanos()) + " 完成输入 "
                                            + late.firstIndex());
                }
            }
        }
        boolean passed = rule.expect().holds(n, expected);
        return Evidence.of(
                passed,
                said.then("; ", "；").then(rule.expect().said(n, expected, "")).stop(),
                refs);
    }

    private static List<PoolEvent> ops(List<PoolEvent> events, PoolEvent.Op op) {
        return events.stream().filter(e -> e.op() == op).toList();
    }
}
