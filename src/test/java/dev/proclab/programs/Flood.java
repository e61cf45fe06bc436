package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;

public class Flood {
    public static void main(String[] args) {
        int lines = knob("lines", 100_000);
        for (int i = 0; i < lines; i++) {
            System.out.println("line " + i);
        }
    }
}
