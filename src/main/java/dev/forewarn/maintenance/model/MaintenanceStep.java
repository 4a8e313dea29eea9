package dev.forewarn.maintenance.model;

import java.time.Duration;

/** One notice about one occurrence of a maintenance window; {@link #key()} is stored with it to send it once. */
public sealed interface MaintenanceStep {

    /** Stable key of the step, unique per occurrence (and per revision for corrections). */
    String key();

    /** Announces the occurrence {@code lead} ahead of its start. */
    record Advance(Duration lead) implements MaintenanceStep {
        @Override
        public String key() {
            return "ADVANCE-" + lead.toSeconds();
        }
    }

    /** The occurrence has begun. */
    record Start() implements MaintenanceStep {
        @Override
        public String key() {
            return "START";
        }
    }

    /** The occurrence is over. */
    record End() implements MaintenanceStep {
        @Override
        public String key() {
            return "END";
        }
    }

    /** The window was changed (now at revision {@code revision}); sent to those already told about it. */
    record Changed(int revision) implements MaintenanceStep {
        @Override
        public String key() {
            return "CHANGED-" + revision;
        }
    }

    /** The window was cancelled; sent to those already told about it. */
    record Cancelled() implements MaintenanceStep {
        @Override
        public String key() {
            return "CANCELLED";
        }
    }

    /** Parses a stored {@link #key()}. */
    static MaintenanceStep parse(String key) {
        if (key.startsWith("ADVANCE-")) {
            return new Advance(Duration.ofSeconds(Long.parseLong(key.substring("ADVANCE-".length()))));
        }
        if (key.startsWith("CHANGED-")) {
            return new Changed(Integer.parseInt(key.substring("CHANGED-".length())));
        }
        return switch (key) {
            case "START" -> new Start();
            case "END" -> new End();
            case "CANCELLED" -> new Cancelled();
            default -> throw new IllegalArgumentException("unknown maintenance step '" + key + "'");
        };
    }
}
