package vn.childsafe.routing.hashlists;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.childsafe.commons.domain.Category;

/** A known-content hash list as registered by an admin; its hashes are rows of {@code hash_list_entry}. */
@Entity
@Table(name = "hash_list")
public class HashList {

    @Id
    public String name;

    /** Who publishes it, e.g. a national hotline. */
    public String source;

    /** The category its content is given. */
    @Enumerated(EnumType.STRING)
    public Category category;

    public String description;

    @Column(name = "entry_count")
    public int entryCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "imported_by")
    public String importedBy;
}
