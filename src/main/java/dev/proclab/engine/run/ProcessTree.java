package dev.proclab.engine.run;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and kills every process of one run. A process belongs to the run when its command line carries
 * {@code -Dproclab.run=<id>}: that finds processes the supervisor has not heard of yet (still starting)
 * and processes whose parent died (re-parented away from the tree), and it never kills an unrelated
 * process that happens to reuse a known pid.
 */
final class ProcessTree {
    private final String marker;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    ProcessTree(String runId) {
        this.marker = "-Dproclab.run=" + runId;
    }

    void add(long pid) {
        known.add(pid);
    }

    Set<Long> known() {
        return Set.copyOf(known);
    }

    /** Live processes of the run: the known ones, their descendants, and any carrying the run's marker. */
    Set<ProcessHandle> live() {
        Set<ProcessHandle> found = new HashSet<>();
        for (long pid : known) {
            ProcessHandle.of(pid).filter(this::belongs).ifPresent(h -> {
                found.add(h);
                h.descendants().filter(this::belongs).forEach(found::add);
            });
        }
        ProcessHandle.allProcesses().filter(this::belongs).forEach(found::add);
        return found;
    }

    boolean belongs(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        Optional<String[]> args = h.info().arguments();
        return args.isPresent() && List.of(args.get()).contains(marker);
    }

    /**
     * Sends SIGKILL to every live process of the run, again until none is left (a process may be
     * starting a child at that instant), for at most a second.
     */
    void killAll() {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (true) {
            Set<ProcessHandle> victims = live();
            if (victims.isEmpty() || System.nanoTime() > deadline) {
                return;
            }
            victims.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle h : victims) {
                try {
                    h.onExit().get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // Checked again in the next round.
                }
            }
        }
    }
}
