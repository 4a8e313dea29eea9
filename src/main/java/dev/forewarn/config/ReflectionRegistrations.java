package dev.forewarn.config;

import dev.forewarn.quality.model.RegionEvidence;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes Jackson reads or writes outside a REST signature (stored evidence JSON), registered for the native
 * image; REST DTOs in signatures are registered by Quarkus itself.
 */
@RegisterForReflection(targets = {RegionEvidence.class})
public final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
