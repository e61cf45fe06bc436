package dev.proclab.lesson;

import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.lesson.CheckResult.EventRef;
import dev.proclab.lesson.CheckRule.Ended;
import dev.proclab.lesson.CheckRule.LockRule;
import dev.proclab.lesson.CheckRule.QueueMeasure;
import dev.proclab.lesson.CheckRule.QueueRule;
import dev.proclab.lesson.RunFacts.Match;
import dev.proclab.trace.LaneState;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.StateSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the rules about shared objects and the run's end: lock (over {@code LockEvent}s), queue (over
 * {@code QueueEvent}s) and ended (over {@code RunEnded} and the processes' last states). The broker applies
 * every queue operation on one thread and reports it in that order, so queue events are walked in their
 * {@code seq} order, with the broker's times. A lock's acquisitions and releases are reported by the
 * processes themselves, stamped so that holds never overlap, so lock events are walked in time order
 * ({@code LockEvent.TIME_ORDER}); a process's WAITING comes from the broker when it parks.
 */
final class SharedRules {
    private static final int SHOWN = 4;
    private static final int CITED = 10;
    private static final List<String> LOCK_KINDS = List.of("Lock", "RLock");
    private static final List<String> QUEUE_KINDS = List.of("Queue", "SimpleQueue", "JoinableQueue");

    private SharedRules() {}

    // ---------------------------------------------------------------------------------------------- lock

    /** One holding of a lock: who, from when, until when (-1 while still held at the end). */
    private record Hold(long pid, long from, long to) {
        boolean covers(long nanos) {
            return nanos >= from && (to < 0 || nanos < to);
        }
    }

    /** One wait for a lock or a queue: who, from when, until when (-1 when it never ended), and how it ended. */
    private record Wait(long pid, long from, long to, boolean gaveUp) {}

    static Evidence lock(LockRule rule, RunFacts run) {
        List<IpcCreated> locks = run.objects(LOCK_KINDS, rule.object());
        if (locks.isEmpty()) {
            return Evidence.failed(none(rule.object(), "lock", "锁"));
        }
        double expected = rule.expect().expected(run.knobs);
        boolean passed = true;
        Say sentences = Say.EMPTY;
        List<EventRef> refs = new ArrayList<>();
        for (IpcCreated lock : locks) {
            Evidence e = lock(rule, lock, run, expected);
            passed &= e.passed();
            sentences =
                    sentences.isEmpty() ? e.sentence() : sentences.then(" ", "").then(e.sentence());
            refs.addAll(e.events());
        }
        return Evidence.of(passed, sentences, first(refs));
    }

    private static Evidence lock(LockRule rule, IpcCreated lock, RunFacts run, double expected) {
        String name = lock.name();
        List<Hold> holds = new ArrayList<>();
        List<Wait> waits = new ArrayList<>();
        List<LockEvent> acquired = new ArrayList<>();
        Map<Long, Integer> depth = new LinkedHashMap<>();
        Map<Long, Long> since = new HashMap<>();
        Map<Long, Long> waitingSince = new HashMap<>();
        int most = 0;
        LockEvent overlap = null;
        long overlapWith = -1;
        for (LockEvent e : run.lockEvents(lock.objectId())) {
            long a = e.actor();
            switch (e.op()) {
                case WAITING -> waitingSince.putIfAbsent(a, e.nanos());
                case ACQUIRED -> {
                    acquired.add(e);
                    Long w = waitingSince.remove(a);
                    if (w != null) {
                        waits.add(new Wait(a, w, e.nanos(), false));
                    }
                    if (!depth.containsKey(a)) {
                        if (!depth.isEmpty() && overlap == null) {
                            overlap = e;
                            overlapWith = depth.keySet().iterator().next();
                        }
                        since.put(a, e.nanos());
                    }
                    depth.merge(a, 1, Integer::sum);
                    most = Math.max(most, depth.size());
                }
                case RELEASED -> {
                    Integer d = depth.get(a);
                    if (d != null && d > 1) {
                        depth.put(a, d - 1);
                    } else if (d != null) {
                        depth.remove(a);
                        holds.add(new Hold(a, since.remove(a), e.nanos()));
                    }
                }
                case TIMED_OUT -> {
                    Long w = waitingSince.remove(a);
                    waits.add(new Wait(a, w == null ? e.nanos() : w, e.nanos(), true));
                }
                case HOLDER_DIED -> {
                    // The lock stays held by the dead process, as in Python: its hold stays open.
                }
            }
        }
        depth.keySet().forEach(a -> holds.add(new Hold(a, since.get(a), -1)));
        waitingSince.forEach((a, from) -> waits.add(new Wait(a, from, -1, false)));
        holds.sort((x, y) -> Long.compare(x.from(), y.from()));
        waits.sort((x, y) -> Long.compare(x.from(), y.from()));

        List<EventRef> refs = new ArrayList<>();
        Say said;
        double n;
        switch (rule.of()) {
            case HOLDERS_AT_ONCE -> {
                n = most;
                holds.forEach(h -> refs.add(new EventRef(h.pid(), h.from(), "acquired " + name)));
                if (holds.isEmpty()) {
                    said = Say.of(name + " was never acquired", name + " 从未被获取");
                } else if (overlap == null) {
                    said = Say.of(
                                    name + " had one holder at a time: it was held "
                                            + Evidence.plural(holds.size(), "time", "times") + ", ",
                                    name + " 每次只有一个持有者：它被持有了 " + holds.size() + " 次，")
                            .then(Say.names(
                                    holds.stream().map(h -> hold(h, run)).toList(), SHOWN));
                } else {
                    String t = run.at(overlap.nanos());
                    Say other = run.said(overlapWith);
                    Say got = run.said(overlap.actor());
                    refs.add(
                            0,
                            new EventRef(overlap.actor(), overlap.nanos(), "acquired " + name + " while it was held"));
                    said = Say.of(
                            got.en() + " acquired " + name + " at " + t + " while " + other.en() + " still held it",
                            got.zh() + " 在 " + t + " 获取了 " + name + "，而当时 " + other.zh() + " 还持有它");
                }
            }
            case ACQUISITIONS -> {
                n = acquired.size();
                Set<Long> by = new LinkedHashSet<>();
                acquired.forEach(e -> by.add(e.actor()));
                acquired.forEach(e -> refs.add(new EventRef(e.actor(), e.nanos(), "acquired " + name)));
                List<Say> each = acquired.stream()
                        .map(e -> run.said(e.actor()).then(" at " + run.at(e.nanos()), " 在 " + run.at(e.nanos())))
                        .toList();
                said = Say.of(
                                name + " was acquired " + Evidence.plural(acquired.size(), "time", "times") + ", by "
                                        + Evidence.plural(by.size(), "process", "processes"),
                                name + " 被获取了 " + acquired.size() + " 次，来自 " + by.size() + " 个进程")
                        .then(each.isEmpty() ? Say.EMPTY : Say.of(": ", "：").then(Say.names(each, SHOWN)));
            }
            case WAITERS -> {
                Set<Long> who = new LinkedHashSet<>();
                waits.forEach(w -> who.add(w.pid()));
                n = who.size();
                waits.forEach(w -> refs.add(new EventRef(w.pid(), w.from(), "waited for " + name)));
                List<Say> each = waits.stream().map(w -> wait(w, run)).toList();
                said = n == 0
                        ? Say.of("No process had to wait for " + name, "没有进程需要等待 " + name)
                        : Say.of(
                                        Evidence.plural(who.size(), "process", "processes") + " waited for " + name
                                                + ": ",
                                        who.size() + " 个进程等待过 " + name + "：")
                                .then(Say.names(each, SHOWN));
            }
            default -> {
                List<Say> each = new ArrayList<>();
                int count = 0;
                for (Match m : run.lines(rule.process(), rule.matches().orElseThrow(), Optional.empty())) {
                    long t = m.line().nanos();
                    Optional<Hold> by = holds.stream()
                            .filter(h -> h.pid() != m.lane().pid() && h.covers(t))
                            .findFirst();
                    if (by.isPresent()) {
                        count++;
                        refs.add(RunFacts.printedRef(m));
                        Say holder = run.said(by.get().pid());
                        each.add(RunFacts.said(m.lane())
                                .then(" ", "")
                                .then(run.printed(m.line()))
                                .then(" while " + holder.en() + " held it", "，当时 " + holder.zh() + " 正持有它"));
                    }
                }
                n = count;
                String p = Evidence.quote(rule.matches().get().pattern());
                said = Say.of(
                                Evidence.plural(count, "line", "lines") + " matching " + p + " of "
                                        + rule.process().describe() + " were printed while another process held "
                                        + name,
                                rule.process().said().zh() + "有 " + count + " 行匹配 " + p + " 的输出是在其他进程持有 " + name
                                        + " 时打印的")
                        .then(each.isEmpty() ? Say.EMPTY : Say.of(": ", "：").then(Say.clauses(each, SHOWN)));
            }
        }
        boolean passed = rule.expect().holds(n, expected);
        return Evidence.of(
                passed,
                said.then("; ", "；").then(rule.expect().said(n, expected, "")).stop(),
                first(refs));
    }

    /** "buyer 3 (pid 11) from 0.41 s to 1.02 s". */
    private static Say hold(Hold h, RunFacts run) {
        Say who = run.said(h.pid());
        String from = run.at(h.from());
        if (h.to() < 0) {
            return who.then(" from " + from + " to the end", " 从 " + from + " 直到最后");
        }
        String to = run.at(h.to());
        return who.then(" from " + from + " to " + to, " 从 " + from + " 到 " + to);
    }

    /** "buyer 1 (pid 12) from 0.45 s to 1.02 s (0.57 s)". */
    private static Say wait(Wait w, RunFacts run) {
        Say who = run.said(w.pid());
        String from = run.at(w.from());
        if (w.to() < 0) {
            return who.then(" from " + from + " until the end", " 从 " + from + " 一直等到最后");
        }
        String to = run.at(w.to());
        String d = Evidence.seconds(w.to() - w.from());
        return w.gaveUp()
                ? who.then(
                        " from " + from + " until it gave up at " + to + " (" + d + ")",
                        " 从 " + from + " 等到 " + to + " 放弃（" + d + "）")
                : who.then(" from " + from + " to " + to + " (" + d + ")", " 从 " + from + " 到 " + to + "（" + d + "）");
    }

    // --------------------------------------------------------------------------------------------- queue

    static Evidence queue(QueueRule rule, RunFacts run) {
        List<IpcCreated> queues = run.objects(QUEUE_KINDS, rule.object());
        if (queues.isEmpty()) {
            return Evidence.failed(none(rule.object(), "queue", "队列"));
        }
        double expected = rule.expect().expected(run.knobs);
        boolean passed = true;
        Say sentences = Say.EMPTY;
        List<EventRef> refs = new ArrayList<>();
        for (IpcCreated queue : queues) {
            Evidence e = queue(rule, queue, run, expected);
            passed &= e.passed();
            sentences =
                    sentences.isEmpty() ? e.sentence() : sentences.then(" ", "").then(e.sentence());
            refs.addAll(e.events());
        }
        return Evidence.of(passed, sentences, first(refs));
    }

    private static Evidence queue(QueueRule rule, IpcCreated queue, RunFacts run, double expected) {
        String name = queue.name();
        List<QueueEvent> events = run.queueEvents(queue.objectId());
        List<QueueEvent> puts = ops(events, QueueEvent.Op.PUT);
        List<QueueEvent> gets = ops(events, QueueEvent.Op.GOT);
        List<EventRef> refs = new ArrayList<>();
        Say said;
        double n;
        switch (rule.of()) {
            case MOST_ITEMS -> {
                QueueEvent top = null;
                for (QueueEvent e : events) {
                    if (top == null || e.size() > top.size()) {
                        top = e;
                    }
                }
                n = top == null ? 0 : top.size();
                Say capacity = queue.capacity() > 0
                        ? Say.of(" (maxsize " + queue.capacity() + ")", "（maxsize " + queue.capacity() + "）")
                        : Say.of(" (unbounded)", "（无上限）");
                if (top == null || top.size() == 0) {
                    said = Say.both(name).then(capacity).then(" never held an item", "从未放进过元素");
                } else {
                    String t = run.at(top.nanos());
                    Say who = run.said(top.actor());
                    refs.add(new EventRef(top.actor(), top.nanos(), op(top, name)));
                    said = Say.both(name)
                            .then(capacity)
                            .then(
                                    " held at most " + Evidence.plural(top.size(), "item", "items") + ", first at " + t
                                            + " after " + who.en() + " " + op(top, name) + ": " + top.contents(),
                                    "最多同时装有 " + top.size() + " 个元素，第一次是在 " + t + "，" + who.zh() + zhOp(top, name)
                                            + "之后：" + top.contents());
                }
            }
            case PUTS, GETS -> {
                boolean put = rule.of() == QueueMeasure.PUTS;
                List<QueueEvent> which = put ? puts : gets;
                n = which.size();
                which.forEach(e -> refs.add(new EventRef(e.actor(), e.nanos(), op(e, name))));
                List<Say> each = which.stream()
                        .map(e -> item(e).then(" by ", "，由 ")
                                .then(run.said(e.actor()))
                                .then(" at " + run.at(e.nanos()), " 在 " + run.at(e.nanos()) + (put ? " 放入" : " 取出")))
                        .toList();
                said = Say.of(
                                Evidence.plural(which.size(), "item was", "items were")
                                        + (put ? " put into " : " got from ")
                                        + name,
                                name + (put ? " 被放入了 " : " 被取出了 ") + which.size() + " 个元素")
                        .then(each.isEmpty() ? Say.EMPTY : Say.of(": ", "：").then(Say.names(each, SHOWN)));
            }
            case NOT_GOT_ONCE -> {
                Map<Long, List<QueueEvent>> gotById = new HashMap<>();
                gets.forEach(g -> gotById.computeIfAbsent(g.itemId(), k -> new ArrayList<>())
                        .add(g));
                List<Say> bad = new ArrayList<>();
                List<Say> good = new ArrayList<>();
                for (QueueEvent p : puts) {
                    List<QueueEvent> got = gotById.getOrDefault(p.itemId(), List.of());
                    Say what = item(p).then(", put by ", "由 ")
                            .then(run.said(p.actor()))
                            .then(" at " + run.at(p.nanos()), " 在 " + run.at(p.nanos()) + " 放入");
                    if (got.size() == 1) {
                        QueueEvent g = got.get(0);
                        good.add(what.then(", got by ", "，由 ")
                                .then(run.said(g.actor()))
                                .then(" at " + run.at(g.nanos()), " 在 " + run.at(g.nanos()) + " 取出"));
                    } else {
                        refs.add(new EventRef(p.actor(), p.nanos(), op(p, name)));
                        bad.add(
                                got.isEmpty()
                                        ? what.then(", was never got", "，从未被取出")
                                        : what.then(
                                                ", was got " + got.size() + " times", "，被取出了 " + got.size() + " 次"));
                    }
                }
                n = bad.size();
                if (bad.isEmpty()) {
                    puts.forEach(p -> refs.add(new EventRef(p.actor(), p.nanos(), op(p, name))));
                    said = Say.of(
                                    "Each of the " + Evidence.plural(puts.size(), "item", "items") + " put into " + name
                                            + " was got exactly once",
                                    "放入 " + name + " 的 " + puts.size() + " 个元素每个都恰好被取出一次")
                            .then(good.isEmpty() ? Say.EMPTY : Say.of(": ", "：").then(Say.clauses(good, 2)));
                } else {
                    QueueEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
                    int left = last == null ? 0 : last.size();
                    said = Say.of(
                                    bad.size() + " of the " + Evidence.plural(puts.size(), "item", "items")
                                            + " put into " + name + " were not got exactly once: ",
                                    "放入 " + name + " 的 " + puts.size() + " 个元素中有 " + bad.size() + " 个没有恰好被取出一次：")
                            .then(Say.clauses(bad, SHOWN))
                            .then(" (" + left + " still in the queue at the end)", "（结束时队列里还剩 " + left + " 个）");
                }
            }
            case OUT_OF_ORDER -> {
                List<Long> putOrder = new ArrayList<>();
                puts.forEach(p -> putOrder.add(p.itemId()));
                Set<Long> gotIds = new LinkedHashSet<>();
                gets.forEach(g -> gotIds.add(g.itemId()));
                putOrder.retainAll(gotIds);
                int wrong = 0;
                Say firstWrong = null;
                for (int i = 0; i < gets.size(); i++) {
                    QueueEvent g = gets.get(i);
                    if (i >= putOrder.size() || putOrder.get(i) != g.itemId()) {
                        wrong++;
                        if (firstWrong == null) {
                            refs.add(new EventRef(g.actor(), g.nanos(), op(g, name)));
                            firstWrong = Say.of(
                                            "get #" + (i + 1) + " by "
                                                    + run.said(g.actor()).en() + " at " + run.at(g.nanos()) + " took ",
                                            run.said(g.actor()).zh() + " 在 " + run.at(g.nanos()) + " 的第 " + (i + 1)
                                                    + " 次 get 取到的是")
                                    .then(item(g))
                                    .then(", not the oldest item in the queue", "，而不是队列里最早的元素");
                        }
                    }
                }
                n = wrong;
                if (firstWrong == null) {
                    gets.forEach(g -> refs.add(new EventRef(g.actor(), g.nanos(), op(g, name))));
                    List<Say> each = gets.stream().map(SharedRules::item).toList();
                    said = Say.of(
                                    "The " + Evidence.plural(gets.size(), "item", "items") + " got from " + name
                                            + " came out in the order they went in",
                                    "从 " + name + " 取出的 " + gets.size() + " 个元素，出来的顺序与放进去的顺序相同")
                            .then(each.isEmpty() ? Say.EMPTY : Say.of(": ", "：").then(Say.names(each, 8)));
                } else {
                    said = firstWrong.then(
                            " (" + wrong + " of " + gets.size() + " gets were out of order)",
                            "（" + gets.size() + " 次 get 中有 " + wrong + " 次不按顺序）");
                }
            }
            case BLOCKED_PUTS, BLOCKED_GETS -> {
                boolean put = rule.of() == QueueMeasure.BLOCKED_PUTS;
                List<Say> each = new ArrayList<>();
                int count = 0;
                for (int i = 0; i < events.size(); i++) {
                    QueueEvent b = events.get(i);
                    if (b.op() != (put ? QueueEvent.Op.BLOCKED_FULL : QueueEvent.Op.BLOCKED_EMPTY)) {
                        continue;
                    }
                    QueueEvent done = next(events, i, b.actor(), put);
                    if (done == null) {
                        continue;
                    }
                    count++;
                    QueueEvent freed = previousOther(events, events.indexOf(done), put);
                    refs.add(new EventRef(
                            b.actor(),
                            b.nanos(),
                            (put ? "put blocked: " : "get blocked: ") + name + (put ? " full" : " empty")));
                    refs.add(new EventRef(done.actor(), done.nanos(), op(done, name)));
                    if (freed != null) {
                        refs.add(new EventRef(freed.actor(), freed.nanos(), op(freed, name)));
                    }
                    each.add(blocked(b, done, freed, put ? puts.indexOf(done) + 1 : gets.indexOf(done) + 1, run));
                }
                n = count;
                if (count == 0) {
                    QueueEvent top = events.stream()
                            .max((x, y) -> Integer.compare(x.size(), y.size()))
                            .orElse(null);
                    int most = top == null ? 0 : top.size();
                    said = put
                            ? Say.of(
                                    "No put had to wait for room in " + name + ": it held at most " + most + " of "
                                            + (queue.capacity() > 0 ? queue.capacity() : "unbounded") + " items",
                                    "没有 put 需要等待 " + name + " 腾出位置：它最多只装了 " + most + " 个元素，容量"
                                            + (queue.capacity() > 0 ? "为 " + queue.capacity() : "无上限"))
                            : Say.of("No get had to wait for an item in " + name, "没有 get 需要在 " + name + " 上等待元素");
                } else {
                    said = Say.of(
                                    Evidence.plural(count, put ? "put" : "get", put ? "puts" : "gets") + " had to wait"
                                            + (put ? " for room in " : " for an item in ") + name + ": ",
                                    count + " 次 " + (put ? "put 需要等待 " + name + " 腾出位置" : "get 需要在 " + name + " 上等待元素")
                                            + "：")
                            .then(Say.clauses(each, 2));
                }
            }
            case FULL_RAISED, EMPTY_RAISED -> {
                boolean full = rule.of() == QueueMeasure.FULL_RAISED;
                List<QueueEvent> raised = ops(events, full ? QueueEvent.Op.FULL : QueueEvent.Op.EMPTY);
                n = raised.size();
                String exc = full ? "Full" : "Empty";
                raised.forEach(e -> refs.add(new EventRef(e.actor(), e.nanos(), "got " + exc + " from " + name)));
                List<Say> each = raised.stream()
                        .map(e -> run.said(e.actor())
                                .then(
                                        " at " + run.at(e.nanos()) + " with " + e.size() + " items in it",
                                        " 在 " + run.at(e.nanos()) + "，当时队列里有 " + e.size() + " 个元素"))
                        .toList();
                said = raised.isEmpty()
                        ? Say.of(
                                "No " + (full ? "put" : "get") + " on " + name + " raised " + exc,
                                name + " 上没有 " + (full ? "put" : "get") + " 抛出 " + exc)
                        : Say.of(
                                        name + " raised " + exc + " " + Evidence.plural(raised.size(), "time", "times")
                                                + ": ",
                                        name + " 抛出了 " + raised.size() + " 次 " + exc + "：")
                                .then(Say.clauses(each, SHOWN));
            }
            case UNFINISHED_AT_JOIN -> {
                List<QueueEvent> joined = ops(events, QueueEvent.Op.JOINED);
                if (joined.isEmpty()) {
                    List<QueueEvent> waiting = ops(events, QueueEvent.Op.JOIN_WAITING);
                    if (waiting.isEmpty()) {
                        return Evidence.failed(Say.of(
                                "No process called join() on " + name + " in this run.",
                                "这次运行中没有进程对 " + name + " 调用 join()。"));
                    }
                    QueueEvent w = waiting.get(0);
                    return Evidence.of(
                            false,
                            run.said(w.actor())
                                    .then(
                                            " called join() on " + name + " at " + run.at(w.nanos()) + " with "
                                                    + w.unfinished() + " unfinished tasks, and it never returned.",
                                            " 在 " + run.at(w.nanos()) + " 对 " + name + " 调用了 join()，当时有 "
                                                    + w.unfinished() + " 个未完成任务，而它一直没有返回。"),
                            List.of(new EventRef(w.actor(), w.nanos(), "join() on " + name)));
                }
                n = 0;
                List<Say> each = new ArrayList<>();
                for (QueueEvent j : joined) {
                    n = Math.max(n, j.unfinished());
                    refs.add(new EventRef(j.actor(), j.nanos(), "join() on " + name + " returned"));
                    each.add(joined(events, j, run, name));
                }
                said = Say.clauses(each, SHOWN);
            }
            default -> {
                QueueEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
                n = last == null ? 0 : last.unfinished();
                if (last == null) {
                    said = Say.of(name + " was never used", name + " 从未被使用");
                } else {
                    refs.add(new EventRef(last.actor(), last.nanos(), op(last, name)));
                    said = Say.of(
                            "At its last operation, at " + run.at(last.nanos()) + ", " + name + " counted "
                                    + Evidence.plural(last.unfinished(), "unfinished task", "unfinished tasks") + " ("
                                    + puts.size() + " put, "
                                    + ops(events, QueueEvent.Op.TASK_DONE).size()
                                    + " task_done)",
                            name + " 在最后一次操作时（" + run.at(last.nanos()) + "）还有 " + last.unfinished() + " 个未完成任务（放入 "
                                    + puts.size() + " 个，task_done "
                                    + ops(events, QueueEvent.Op.TASK_DONE).size()
                                    + " 次）");
                }
            }
        }
        boolean passed = rule.expect().holds(n, expected);
        return Evidence.of(
                passed,
                said.then("; ", "；").then(rule.expect().said(n, expected, "")).stop(),
                first(refs));
    }

    private static List<QueueEvent> ops(List<QueueEvent> events, QueueEvent.Op op) {
        return events.stream().filter(e -> e.op() == op).toList();
    }

    /** The PUT (for a put) or GOT (for a get) that ended the wait of {@code actor} blocked at index {@code i}. */
    private static QueueEvent next(List<QueueEvent> events, int i, long actor, boolean put) {
        for (int j = i + 1; j < events.size(); j++) {
            QueueEvent e = events.get(j);
            if (e.actor() != actor) {
                continue;
            }
            if (e.op() == (put ? QueueEvent.Op.PUT : QueueEvent.Op.GOT)) {
                return e;
            }
            if (e.op() == (put ? QueueEvent.Op.FULL : QueueEvent.Op.EMPTY)) {
                return null; // it gave up instead
            }
        }
        return null;
    }

    /** The get (for a waiting put) or put (for a waiting get) just before index {@code i}: what let it through. */
    private static QueueEvent previousOther(List<QueueEvent> events, int i, boolean put) {
        for (int j = i - 1; j >= 0; j--) {
            QueueEvent e = events.get(j);
            if (e.op() == (put ? QueueEvent.Op.GOT : QueueEvent.Op.PUT)) {
                return e;
            }
        }
        return null;
    }

    /** "put #4 of '[4, 16]' by producer (pid 5) was blocked at 0.36 s with 3 items in the queue and ...". */
    private static Say blocked(QueueEvent b, QueueEvent done, QueueEvent freed, int ordinal, RunFacts run) {
        boolean put = done.op() == QueueEvent.Op.PUT;
        Say who = run.said(b.actor());
        String from = run.at(b.nanos());
        String to = run.at(done.nanos());
        String item = quote(done) + ", item " + done.itemId();
        String itemZh = quote(done) + "，元素 " + done.itemId();
        Say said = Say.of(
                (put ? "put #" : "get #") + ordinal + " (" + item + ") by " + who.en() + " was blocked at " + from
                        + " with " + Evidence.plural(b.size(), "item", "items") + " in the queue and "
                        + (put ? "went in at " : "got its item at ") + to,
                who.zh() + " 的第 " + ordinal + " 次 " + (put ? "put" : "get") + "（" + itemZh + "）在 " + from
                        + " 被阻塞，当时队列里有 " + b.size() + " 个元素，" + (put ? "直到 " + to + " 才放进去" : "直到 " + to + " 才取到元素"));
        if (freed != null) {
            Say other = run.said(freed.actor());
            String t = run.at(freed.nanos());
            said = said.then(
                    ", right after " + other.en() + (put ? " got " : " put ") + quote(freed) + " at " + t,
                    "，紧接在 " + other.zh() + " 于 " + t + (put ? " 取走 " : " 放入 ") + quote(freed) + " 之后");
        }
        return said;
    }

    /** How a join() on a JoinableQueue returned: when it was called, with how many unfinished, what freed it. */
    private static Say joined(List<QueueEvent> events, QueueEvent j, RunFacts run, String name) {
        int at = events.indexOf(j);
        QueueEvent called = null;
        QueueEvent lastDone = null;
        for (int i = at - 1; i >= 0; i--) {
            QueueEvent e = events.get(i);
            if (lastDone == null && e.op() == QueueEvent.Op.TASK_DONE) {
                lastDone = e;
            }
            if (e.op() == QueueEvent.Op.JOIN_WAITING && e.actor() == j.actor()) {
                called = e;
                break;
            }
        }
        Say who = run.said(j.actor());
        String returned = run.at(j.nanos());
        if (called == null) {
            return who.then(
                    "'s join() on " + name + " returned at once at " + returned + ", with " + j.unfinished()
                            + " unfinished tasks",
                    " 在 " + returned + " 对 " + name + " 调用的 join() 立即返回，未完成任务数为 " + j.unfinished());
        }
        Say said = who.then(
                " called join() on " + name + " at " + run.at(called.nanos()) + " with " + called.unfinished()
                        + " unfinished tasks; it returned at " + returned + " with " + j.unfinished(),
                " 在 " + run.at(called.nanos()) + " 对 " + name + " 调用 join()，当时有 " + called.unfinished() + " 个未完成任务；它在 "
                        + returned + " 返回，此时未完成任务数为 " + j.unfinished());
        if (lastDone != null && lastDone.nanos() >= called.nanos()) {
            Say by = run.said(lastDone.actor());
            said = said.then(
                    ", when the task_done() of " + by.en() + " at " + run.at(lastDone.nanos()) + " brought it to "
                            + lastDone.unfinished(),
                    "，是 " + by.zh() + " 在 " + run.at(lastDone.nanos()) + " 的 task_done() 让它降到了 "
                            + lastDone.unfinished());
        }
        return said;
    }

    /** "'text 1' (item 3)": the item's preview and id, the same in both languages. */
    private static Say item(QueueEvent e) {
        return Say.of(quote(e) + " (item " + e.itemId() + ")", quote(e) + "（元素 " + e.itemId() + "）");
    }

    private static String quote(QueueEvent e) {
        return Evidence.quote(e.preview());
    }

    /** What an event did, for the timeline: "put 'text 1' (item 3) into Queue-1". */
    private static String op(QueueEvent e, String name) {
        String item = quote(e) + " (item " + e.itemId() + ")";
        return switch (e.op()) {
            case PUT -> "put " + item + " into " + name;
            case GOT -> "got " + item + " from " + name;
            case BLOCKED_FULL -> "blocked: " + name + " full";
            case BLOCKED_EMPTY -> "blocked: " + name + " empty";
            case FULL -> "got Full from " + name;
            case EMPTY -> "got Empty from " + name;
            case TASK_DONE -> "task_done() on " + name;
            case JOIN_WAITING -> "join() on " + name;
            case JOINED -> "join() on " + name + " returned";
        };
    }

    private static String zhOp(QueueEvent e, String name) {
        String item = quote(e) + "（元素 " + e.itemId() + "）";
        return switch (e.op()) {
            case PUT -> "把 " + item + " 放入 " + name;
            case GOT -> "从 " + name + " 取出 " + item;
            default -> op(e, name);
        };
    }

    // ---------------------------------------------------------------------------------------------- ended

    static Evidence ended(Ended rule, RunFacts run) {
        Optional<RunEnded> end = run.ended();
        if (end.isEmpty()) {
            return Evidence.failed(Say.of("The run has not ended.", "运行还没有结束。"));
        }
        RunEnded e = end.get();
        String t = run.at(e.nanos());
        long mainPid = run.mainLane().map(ProcessLane::pid).orElse(e.pid());
        List<EventRef> refs = new ArrayList<>();
        refs.add(new EventRef(
                mainPid, e.nanos(), "the run ended: " + e.outcome().name().toLowerCase(Locale.ROOT)));
        Say how =
                switch (e.outcome()) {
                    case COMPLETED -> {
                        Say main = run.mainLane()
                                .map(l -> Say.of(": ", "：")
                                        .then(RunFacts.said(l))
                                        .then(" ", "")
                                        .then(run.ending(l)))
                                .orElse(Say.EMPTY);
                        yield Say.of("The run ended by itself at " + t, "运行在 " + t + " 自己结束了")
                                .then(main);
                    }
                    case TIMED_OUT ->
                        Say.of(
                                "The run did not end by itself: it was ended at the wall-clock limit at " + t + " ("
                                        + e.message() + ")",
                                // The engine's message only repeats the limit, in English: the time says it.
                                "运行没有自己结束：到了墙钟时限，它在 " + t + " 被强制结束");
                    case STOPPED ->
                        Say.of("The run did not end by itself: it was stopped at " + t, "运行没有自己结束：它在 " + t + " 被手动停止");
                    case FAILED ->
                        Say.of("The run failed at " + t + ": " + e.message(), "运行在 " + t + " 失败：" + e.message());
                };
        boolean passed;
        switch (rule.how()) {
            case COMPLETED -> passed = e.outcome() == RunEnded.Outcome.COMPLETED;
            case STOPPED -> passed = e.outcome() == RunEnded.Outcome.STOPPED;
            default -> {
                boolean fromOutside =
                        e.outcome() == RunEnded.Outcome.TIMED_OUT || e.outcome() == RunEnded.Outcome.STOPPED;
                if (!fromOutside) {
                    passed = false;
                    break;
                }
                List<Say> waiting = new ArrayList<>();
                List<Say> busy = new ArrayList<>();
                for (ProcessLane lane : run.lanes.lanes()) {
                    if (run.endedByItself(lane.pid())
                            || run.daemonTermination(lane.pid()).isPresent()) {
                        continue;
                    }
                    Optional<StateSegment> last = lane.segments().isEmpty()
                            ? Optional.empty()
                            : Optional.of(lane.segments().get(lane.segments().size() - 1));
                    LaneState state = last.map(StateSegment::state).orElse(LaneState.STARTING);
                    long since = last.map(StateSegment::startNanos).orElse(e.nanos());
                    String reason = last.map(StateSegment::reason).orElse("");
                    Say who = RunFacts.said(lane);
                    if (state == LaneState.BLOCKED) {
                        refs.add(new EventRef(lane.pid(), since, "blocked: " + reason));
                        waiting.add(who.then(
                                " blocked since " + run.at(since) + " (" + reason + ")",
                                " 从 " + run.at(since) + " 起一直阻塞（" + reason + "）"));
                    } else {
                        refs.add(new EventRef(lane.pid(), since, state.name().toLowerCase(Locale.ROOT)));
                        busy.add(who.then(
                                " was " + stateWord(state) + " since " + run.at(since),
                                " 从 " + run.at(since) + " 起处于" + stateZh(state) + "状态"));
                    }
                }
                passed = busy.isEmpty() && !waiting.isEmpty();
                if (!busy.isEmpty()) {
                    how = how.then("; not a hang, some processes were still busy: ", "；这不是挂起，还有进程在忙：")
                            .then(Say.clauses(busy, SHOWN));
                } else if (!waiting.isEmpty()) {
                    how = how.then(
                                    "; every process still there was waiting for something that never came: ",
                                    "；当时还在的每个进程都在等待一件永远不会发生的事：")
                            .then(Say.clauses(waiting, SHOWN));
                }
            }
        }
        return Evidence.of(passed, how.stop(), first(refs));
    }

    private static String stateWord(LaneState s) {
        return switch (s) {
            case STARTING -> "starting";
            case RUNNING -> "running";
            case SLEEPING -> "sleeping";
            case BLOCKED -> "blocked";
        };
    }

    private static String stateZh(LaneState s) {
        return switch (s) {
            case STARTING -> "启动";
            case RUNNING -> "运行";
            case SLEEPING -> "睡眠";
            case BLOCKED -> "阻塞";
        };
    }

    // ---------------------------------------------------------------------------------------------- shared

    private static Say none(String glob, String en, String zh) {
        return glob.equals("*")
                ? Say.of("This run created no " + en + ".", "这次运行没有创建" + zh + "。")
                : Say.of(
                        "This run created no " + en + " named '" + glob + "'.",
                        "这次运行没有创建名为 '" + glob + "' 的" + zh + "。");
    }

    private static List<EventRef> first(List<EventRef> refs) {
        return refs.size() > CITED ? List.copyOf(refs.subList(0, CITED)) : refs;
    }
}
