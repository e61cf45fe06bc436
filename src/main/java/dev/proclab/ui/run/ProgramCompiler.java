package dev.proclab.ui.run;

import dev.proclab.lesson.CompileException;
import dev.proclab.lesson.CompiledProgram;
import java.io.IOException;
import java.util.Map;

/** Compiles a lesson program held in memory; {@code LessonCompiler::compile} in the app. */
@FunctionalInterface
public interface ProgramCompiler {
    CompiledProgram compile(Map<String, String> sources) throws CompileException, IOException;
}
