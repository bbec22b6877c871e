package io.careline.push.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.push.api.PushText;
import io.careline.push.model.PushRuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
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
    PushRuleRepository rules;

    @Inject
    ObjectMapper mapper;

    public Map<String, Texts> of(String tenant, Collection<String> ruleIds) {
        Map<String, Texts> texts = new HashMap<>();
        if (ruleIds.isEmpty()) {
            return texts;
        }
        for (PushRuleRepository.StoredTexts stored : rules.textsOf(tenant, ruleIds)) {
            try {
                texts.put(stored.ruleId(),
                        new Texts(stored.scenario(), mapper.readValue(stored.templates(), TEMPLATES)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored rule templates unreadable", e);
            }
        }
        return texts;
    }
}
