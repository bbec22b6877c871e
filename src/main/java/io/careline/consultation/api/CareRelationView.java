package io.careline.consultation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.consultation.model.CareGroup;
import io.careline.consultation.model.CareRelation;
import io.careline.consultation.model.ConsultationSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a doctor keeps about one of their patients; only the doctor (and managers) see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record CareRelationView(String patientId, String displayName, List<String> tags, String remark,
        Set<CareGroup> groups, boolean followed, boolean blocked, ConsultationSource source,
        String latestConsultationId, Instant since, Instant updatedAt) {

    public static CareRelationView of(CareRelation relation, String displayName) {
        return new CareRelationView(relation.patientId, displayName, List.copyOf(relation.tags), relation.remark,
                relation.groupSet(), relation.followed, relation.blocked, relation.source,
                relation.latestConsultationId, relation.createdAt, relation.updatedAt);
    }
}
