package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map, kept by the build: every top-level package under {@code no.innforing} is a module, dependencies
 * run one way ({@code shared} ← {@code security} ← {@code municipality}, {@code wave} ← {@code project} ←
 * {@code notification}, {@code benefit} ← {@code overview}, {@code demo}) and no module uses another's internals
 * (its repositories are package-private). A new loop or a reach into another feature fails here.
 */
class ModuleStructureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(InnforingApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void dependenciesRunOneWayWithoutLoops() {
        MODULES.verify();
    }

    @Test
    void theKernelDependsOnNoFeature() {
        var shared = MODULES.getModuleByName("shared").orElseThrow();
        assertThat(shared.getDirectDependencies(MODULES).stream().map(d -> d.getTargetModule().getName()).distinct().toList()).isEmpty();
        var security = MODULES.getModuleByName("security").orElseThrow();
        assertThat(security.getDirectDependencies(MODULES).stream().map(d -> d.getTargetModule().getName()).distinct().toList())
                .isSubsetOf("shared");
    }

    /** Writes the module diagrams (PlantUML) and one page per module to docs/modules, to commit with the code. */
    @Test
    void writesTheModuleDocumentation() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(Files.readString(DOCS.resolve("components.puml"))).contains("\"Project\"").contains("\"Shared\"");
    }
}
