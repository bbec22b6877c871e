package io.careline.push.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.push.api.PushText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The texts of rules by public id, for pushes leaving without a caller (plain SQL, tenant bound). */
@ApplicationScoped
public class RuleTexts {
    /** Texts by channel (app, wechat, webhook, default) and language. */
    public static final TypeReference<Map<String, Map<String, PushText>>> TEMPLATES = new TypeReference<>() {
    };

    /** A rule's scenario (the WeChat template key) and its texts. */
    public record Texts(String scenario, Map<String, Map<String, PushText>> templates) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    public Map<String, Texts> of(String tenant, Collection<String> ruleIds) {
        Map<String, Texts> texts = new HashMap<>();
        if (ruleIds.isEmpty()) {
            return texts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT public_id, scenario, templates FROM push_rules WHERE tenant_id = ?1 AND public_id IN (?2)")
                .setParameter(1, tenant).setParameter(2, ruleIds).getResultList();
        for (Object[] row : rows) {
            try {
                texts.put((String) row[0], new Texts((String) row[1], mapper.readValue((String) row[2], TEMPLATES)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored rule templates unreadable", e);
            }
        }
        return texts;
    }
}
