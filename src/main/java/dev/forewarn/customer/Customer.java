package dev.forewarn.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer who receives notices for the regions it runs traffic in. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    public String id;

    public String name;

    public String[] emails;

    /** {@code en} or {@code zh-CN}. */
    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    public String[] regions;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
