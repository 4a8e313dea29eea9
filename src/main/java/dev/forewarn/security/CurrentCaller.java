package dev.forewarn.security;

import jakarta.enterprise.context.RequestScoped;

/** Who made the current API request, for the audit trail; set by {@link ApiKeyFilter}. */
@RequestScoped
public class CurrentCaller {
    private String name;

    public String name() {
        return name;
    }

    void set(String name) {
        this.name = name;
    }
}
