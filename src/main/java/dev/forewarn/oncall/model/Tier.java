package dev.forewarn.oncall.model;

import java.util.Optional;

/** A support tier: L1 frontline, L2 engineers, L3 experts. */
public enum Tier {
    L1, L2, L3;

    /** The tier a page escalates to when this one does not act; empty for the last tier. */
    public Optional<Tier> next() {
        return this == L3 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
