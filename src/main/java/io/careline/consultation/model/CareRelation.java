package io.careline.consultation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/** Seed 002's DoctorPatientRelation: what a doctor keeps about one patient, never shown to the patient. */
@Entity
@Table(name = "care_relations")
public class CareRelation extends TenantScopedEntity {
    @Column(name = "doctor_id")
    public String doctorId;

    @Column(name = "patient_id")
    public String patientId;

    public String remark;

    /** Bit set of {@link CareGroup#bit()}. */
    @Column(name = "`groups`")
    public int groups;

    public boolean followed;

    public boolean blocked;

    @Enumerated(EnumType.STRING)
    public ConsultationSource source;

    @Column(name = "latest_consultation_id")
    public String latestConsultationId;

    /** A page of relations loads its tags in one query per hundred relations. */
    @ElementCollection
    @CollectionTable(name = "care_relation_tags", joinColumns = @JoinColumn(name = "relation_pk"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    public Set<String> tags = new TreeSet<>();

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;

    public Set<CareGroup> groupSet() {
        Set<CareGroup> set = EnumSet.noneOf(CareGroup.class);
        for (CareGroup group : CareGroup.values()) {
            if ((groups & group.bit()) != 0) {
                set.add(group);
            }
        }
        return set;
    }
}
