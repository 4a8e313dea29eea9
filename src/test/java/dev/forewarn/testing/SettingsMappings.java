package dev.forewarn.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.stream.Collectors;

/** Every settings mapping of the application, as Quarkus registers them: the root and each integration's own. */
public final class SettingsMappings {
    public static final List<Class<?>> ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.forewarn").stream()
            .filter(c -> c.isAnnotatedWith(ConfigMapping.class)).map(JavaClass::reflect)
            .collect(Collectors.toUnmodifiableList());

    private SettingsMappings() {
    }
}
