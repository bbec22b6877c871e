package io.careline.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careline.common.problem.DomainException;
import io.careline.push.api.PushText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every shipped push text renders from the allow-listed fields only; rule texts cannot reach anything else. */
@QuarkusTest
class PushTemplatesTest {
    @Inject
    PushTemplates templates;

    @Test
    void theAllowListIsExactlyTheFieldsATemplateSees() {
        assertThat(Arrays.stream(PushFields.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(PushFields.NAMES);
        assertThat(sample(1).asMap()).containsOnlyKeys(PushFields.NAMES);
    }

    @Test
    void everyShippedTextRendersInEveryLanguageWithNothingLeftOver() {
        for (Map.Entry<String, Map<String, PushText>> template : PushTemplates.SHIPPED.entrySet()) {
            for (String locale : template.getValue().keySet()) {
                for (PushFields fields : new PushFields[] { sample(1), sample(4), empty() }) {
                    PushText rendered = templates.render(templates.shipped(template.getKey(), locale), fields);
                    assertThat(rendered.title()).as(template.getKey() + "/" + locale).isNotBlank().doesNotContain("{")
                            .doesNotContain("null");
                    assertThat(rendered.body()).as(template.getKey() + "/" + locale).isNotBlank().doesNotContain("{")
                            .doesNotContain("null");
                }
                templates.check("shipped." + template.getKey(), template.getValue().get(locale).title());
                templates.check("shipped." + template.getKey(), template.getValue().get(locale).body());
            }
        }
        assertThat(templates.render(templates.shipped("message", "en"), sample(4)).body())
                .isEqualTo("New message from Dr Wang (4 new)");
        assertThat(templates.render(templates.shipped("message", "zh-CN"), empty()).body()).isEqualTo("您的医护团队发来新消息");
        assertThat(templates.render(templates.shipped("message", "fr"), empty()).title()).isEqualTo("Careline");
    }

    @Test
    void ruleTextsMayNameOnlyAllowedFields() {
        templates.check("body", "{#if count > 1}{count} updates{/if} for your {entity} ({toState}) at {hospital}");
        for (String leaky : new String[] { "Dear {patientName}", "{data.diagnosis}", "{inject:pushConfig}",
                "{config:careline.push.fcm.private-key}", "{#let a=hospital}{a}{/let}", "{#if content}x{/if}" }) {
            assertThatThrownBy(() -> templates.check("body", leaky)).as(leaky).isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> templates.check("body", "{#if}")).isInstanceOf(DomainException.class);
    }

    private static PushFields sample(int count) {
        return new PushFields("Ruijin Hospital", "doctor", "Dr Wang", count, "exam_result", "urgent", "nurse_accepted",
                "order", "waiting", "accepted");
    }

    private static PushFields empty() {
        return new PushFields(null, null, null, 1, null, "normal", null, null, null, null);
    }
}
