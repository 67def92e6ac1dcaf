package org.civiclink.audit.trail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.civiclink.platform.security.Roles;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One stored AccessEvent, a link of the hash chain. Rows are only ever inserted: the database
 * refuses UPDATE and DELETE (grants and a trigger, V2 migration).
 */
@Entity
@Table(name = "access_event")
public class AccessRecord extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public long seq;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_roles", nullable = false)
    public String[] actorRoles;

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(name = "purpose_of_use")
    public String purposeOfUse;

    @Column(name = "purpose_reason")
    public String purposeReason;

    @Column(nullable = false)
    public String action;

    @Column(name = "client_ids", nullable = false)
    public String[] clientIds;

    @Column(name = "record_ids", nullable = false)
    public String[] recordIds;

    @Column(name = "data_categories", nullable = false)
    public String[] dataCategories;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String endpoint;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "denial_reason")
    public String denialReason;

    @Column(nullable = false, updatable = false)
    public byte[] canonical;

    @Column(name = "leaf_hash", nullable = false, updatable = false)
    public byte[] leafHash;

    @Column(name = "entry_hash", nullable = false, updatable = false)
    public byte[] entryHash;

    @Column(name = "stored_at", nullable = false, insertable = false, updatable = false)
    public Instant storedAt;

    /** Services acting on their own carry the role "system"; everyone else is a person. */
    public boolean systemActor() {
        for (String role : actorRoles) {
            if (Roles.SYSTEM.equals(role)) {
                return true;
            }
        }
        return false;
    }
}
