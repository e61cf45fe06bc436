package dev.proclab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the arrows between the layers pointing one way: engine → trace → lesson → cli → ui. */
@AnalyzeClasses(packages = "dev.proclab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineUsesOnlyTheJdk = classes()
            .that()
            .resideInAPackage("dev.proclab.engine..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax..", "jdk..", "dev.proclab.engine..")
            .because("lesson programs run against the engine alone, in child JVMs without JavaFX or Jackson");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that()
            .resideOutsideOfPackage("dev.proclab.ui..")
            .and()
            .haveNameNotMatching(java.util.regex.Pattern.quote(Main.class.getName()) + "(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("the headless runner and the engine must run where there is no display");

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("engine")
            .definedBy("dev.proclab.engine..")
            .layer("trace")
            .definedBy("dev.proclab.trace..")
            .layer("lesson")
            .definedBy("dev.proclab.lesson..")
            .layer("cli")
            .definedBy("dev.proclab.cli..")
            .layer("ui")
            .definedBy("dev.proclab.ui..")
            .whereLayer("ui")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("cli")
            .mayOnlyBeAccessedByLayers("ui")
            .whereLayer("lesson")
            .mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("trace")
            .mayOnlyBeAccessedByLayers("lesson", "cli", "ui")
            .whereLayer("engine")
            .mayOnlyBeAccessedByLayers("trace", "lesson", "cli", "ui");
}
