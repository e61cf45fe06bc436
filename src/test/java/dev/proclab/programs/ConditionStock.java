package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Condition;
import dev.proclab.engine.Process;
import dev.proclab.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Producers add to a shared stock and notify; consumers waitFor a positive stock and take one. A
 * Condition over its default RLock guards the stock, kept in shared memory.
 */
public class ConditionStock {
    static void produce(Condition cond, Value stock, Integer items) {
        for (int i = 0; i < items; i++) {
            try (var held = cond.hold()) {
                stock.set(stock.intValue() + 1);
                System.out.println("made " + stock.intValue());
                cond.notifyOne();
            }
        }
    }

    static void consume(Condition cond, Value stock, Integer items) {
        for (int i = 0; i < items; i++) {
            try (var held = cond.hold()) {
                cond.waitFor(() -> stock.intValue() > 0);
                stock.set(stock.intValue() - 1);
                System.out.println("took " + stock.intValue());
            }
        }
    }

    public static void main(String[] args) {
        Condition cond = new Condition();
        Value stock = new Value('i', 0, false);
        int pairs = knob("pairs", 3);
        int items = knob("items", 10);
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            ps.add(new Process(ConditionStock::consume, cond, stock, items));
            ps.add(new Process(ConditionStock::produce, cond, stock, items));
        }
        ps.forEach(Process::start);
        ps.forEach(Process::join);
        System.out.println("stock " + stock.intValue());
    }
}
