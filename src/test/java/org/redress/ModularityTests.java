package org.redress;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RedressApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApisAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();

        java.nio.file.Path docs = java.nio.file.Path.of("target", "spring-modulith-docs");
        org.assertj.core.api.Assertions.assertThat(docs.resolve("components.puml")).isRegularFile();
        org.assertj.core.api.Assertions.assertThat(docs.resolve("module-cases.adoc")).isRegularFile();
    }
}
