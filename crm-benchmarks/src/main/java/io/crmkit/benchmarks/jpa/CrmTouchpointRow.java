package io.crmkit.benchmarks.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * crmkit's own touchpoint table mapped read-only as a JPA entity, so that the JPA reads of the timeline benchmark
 * read exactly the rows crmkit reads.
 */
@Entity
@Immutable
@Table(name = "crm_touchpoint")
public class CrmTouchpointRow extends TouchpointColumns {

    protected CrmTouchpointRow() {
    }
}
