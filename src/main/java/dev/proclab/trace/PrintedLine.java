package dev.proclab.trace;

import dev.proclab.engine.event.Output;

/**
 * One line a process printed.
 *
 * @param line line of the lesson program that printed it, or 0 when unknown
 */
public record PrintedLine(long nanos, Output.Stream stream, String text, int line) {}
