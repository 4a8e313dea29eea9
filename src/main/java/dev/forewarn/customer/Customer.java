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

    /** Bumped to revoke every status link issued so far. */
    @Column(name = "link_version")
    public int linkVersion = 1;

    /** Regions the customer asked not to hear about. */
    @Column(name = "muted_regions")
    public String[] mutedRegions = new String[0];

    /** Notice topics the customer asked not to receive; see {@code NoticeTopic}. */
    @Column(name = "muted_kinds")
    public String[] mutedKinds = new String[0];

    /** Addresses that unsubscribed; the customer's other addresses still receive notices. */
    public String[] unsubscribed = new String[0];

    /** Where machine-readable notices are posted, or null. */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /** HMAC secret of the customer's webhook, or null. */
    @Column(name = "webhook_secret")
    public String webhookSecret;

    /** The customer's notice preferences as a value. */
    public dev.forewarn.customer.model.NoticePreferences preferences() {
        return dev.forewarn.customer.model.NoticePreferences.of(java.util.List.of(mutedRegions),
                java.util.List.of(mutedKinds), java.util.List.of(unsubscribed));
    }
}
