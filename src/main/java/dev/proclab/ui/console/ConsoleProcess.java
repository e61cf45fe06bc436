package dev.proclab.ui.console;

/**
 * A process the console has seen, for the filter.
 *
 * @param colour its colour slot, or -1 for the supervisor
 */
public record ConsoleProcess(long pid, String name, int colour) {}
