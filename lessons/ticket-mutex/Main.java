import static dev.proclab.engine.Multiprocessing.*;

import dev.proclab.engine.Lock;
import dev.proclab.engine.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Main {

    // The knobs. Every process reads them for itself, like the constants at the top of main.py.
    static final int TICKETS = knob("tickets", 1);
    static final int BUYERS = knob("buyers", 10);
    static final boolean LOCK = knob("lock", false);
    static final double DELAY_MIN = knob("delay-min", 0.5);
    static final double DELAY_MAX = knob("delay-max", 1.0);
    static final long SEED = knob("seed", 0L);

    // Relative paths: every process of a run works in the same folder, so they all see these files.
    static final Path TICKETS_FILE = Path.of("tickets.json");
    static final Path RECEIPTS = Path.of("receipts");
    // The JDK has no JSON reader (Python has json.load); a pattern is enough for {"count": 3}.
    static final Pattern COUNT = Pattern.compile("\"count\":\\s*(-?\\d+)");

    static int readCount() throws IOException {
        Matcher m = COUNT.matcher(Files.readString(TICKETS_FILE));
        if (!m.find()) {
            throw new IOException("no count in " + TICKETS_FILE);
        }
        return Integer.parseInt(m.group(1));
    }

    static void writeCount(int count) throws IOException {
        // Write a whole new file and swap it in, so that a reader never sees a half-written one.
        Path tmp = Path.of(TICKETS_FILE + "." + getpid() + ".tmp");
        Files.writeString(tmp, "{\"count\": " + count + "}");
        Files.move(tmp, TICKETS_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void search(String me) throws IOException {
        System.out.println(me + " sees " + readCount() + " ticket(s) left");
    }

    static void buy(String me, Random random) throws IOException {
        int count = readCount();
        if (count <= 0) {
            System.out.println(me + " found it sold out");
            return;
        }
        count = count - 1;
        sleep(DELAY_MIN + random.nextDouble() * (DELAY_MAX - DELAY_MIN)); // the payment goes through
        writeCount(count);
        Files.writeString(RECEIPTS.resolve(me.replace(' ', '-') + ".txt"), me);
        System.out.println(me + " bought a ticket");
    }

    static void buyer(Lock lock, Long seed) throws IOException {
        String me = currentProcess().name();
        Random random = new Random(seed);
        search(me); // everyone may look at the same time
        if (lock == null) {
            buy(me, random);
        } else {
            try (var held = lock.hold()) { // one buyer at a time from reading the count to writing it back
                buy(me, random);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long seed = SEED != 0 ? SEED : new Random().nextInt(1, 1_000_000);
        System.out.println("main: " + TICKETS + " ticket(s), " + BUYERS + " buyers, lock " + (LOCK ? "on" : "off")
                + ", seed " + seed);
        writeCount(TICKETS);
        Files.createDirectories(RECEIPTS);

        Lock lock = LOCK ? new Lock() : null;
        List<Process> buyers = new ArrayList<>();
        for (int i = 1; i <= BUYERS; i++) {
            Process p = new Process(Main::buyer, lock, seed + i).name("buyer " + i);
            p.start();
            buyers.add(p);
        }
        for (Process p : buyers) {
            p.join();
        }

        long sold;
        try (var receipts = Files.list(RECEIPTS)) {
            sold = receipts.count();
        }
        System.out.println("main: sold " + sold + " of " + TICKETS + " ticket(s); the file says " + readCount()
                + " left");
        if (sold > TICKETS) {
            System.out.println("main: oversold by " + (sold - TICKETS));
        }
    }
}
