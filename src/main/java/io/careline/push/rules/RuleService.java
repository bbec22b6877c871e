package io.careline.push.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.Outcome;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.notification.NotificationTypes;
import io.careline.notification.api.NotificationPriority;
import io.careline.push.PushFields;
import io.careline.push.PushTemplates;
import io.careline.push.api.PreviewRequest;
import io.careline.push.api.PushText;
import io.careline.push.api.RuleRequest;
import io.careline.push.api.RuleView;
import io.careline.push.model.PushRule;
import io.careline.push.model.PushRuleRepository;
import io.careline.push.model.RuleChannel;
import io.careline.push.outbox.RuleTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The tenant's rules: managed by admins, each checked so that it can only say what pushes may say. */
@ApplicationScoped
public class RuleService {
    private static final Set<String> TEXT_CHANNELS = Set.of("app", "wechat", "webhook", PushTemplates.DEFAULT_CHANNEL);

    @Inject
    PushRuleRepository rules;

    @Inject
    NotificationTypes types;

    @Inject
    PushTemplates templates;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    public List<RuleView> list(Caller caller) {
        return rules.all().stream().map(this::view).toList();
    }

    @Transactional
    public RuleView get(Caller caller, String ruleId) {
        return view(find(ruleId));
    }

    @Transactional
    public Outcome<RuleView> create(Caller caller, RuleRequest request) {
        check(caller, request);
        if (rules.byScenario(request.scenario()).isPresent()) {
            throw new DomainException(ErrorCode.RULE_CONFLICT, "A rule with this scenario exists.");
        }
        PushRule rule = new PushRule();
        rule.publicId = UUID.randomUUID().toString();
        rule.createdAt = now();
        apply(rule, request);
        rules.persist(rule);
        return Outcome.created(view(rule));
    }

    /** Creates each rule whose scenario the tenant does not have yet (loading a rule set twice changes nothing). */
    @Transactional
    public int importAll(Caller caller, List<RuleRequest> requests) {
        int created = 0;
        for (RuleRequest request : requests) {
            if (rules.byScenario(request.scenario()).isEmpty()) {
                create(caller, request);
                created++;
            }
        }
        return created;
    }

    @Transactional
    public RuleView replace(Caller caller, String ruleId, RuleRequest request) {
        check(caller, request);
        PushRule rule = find(ruleId);
        rules.byScenario(request.scenario()).filter(other -> !other.pk.equals(rule.pk)).ifPresent(other -> {
            throw new DomainException(ErrorCode.RULE_CONFLICT, "A rule with this scenario exists.");
        });
        apply(rule, request);
        return view(rule);
    }

    @Transactional
    public void delete(Caller caller, String ruleId) {
        rules.delete(find(ruleId));
    }

    /** The rule's texts rendered for a sample event, by channel, in the requested language (English by default). */
    @Transactional
    public Map<String, PushText> preview(Caller caller, String ruleId, PreviewRequest sample) {
        RuleView rule = view(find(ruleId));
        String to = sample != null && sample.toState() != null ? sample.toState() : rule.states().get(0);
        String from = sample == null ? null : sample.fromState();
        String locale = sample != null && sample.locale() != null ? sample.locale() : "en";
        PushFields fields = new PushFields(null, "service", null, 1, rule.notificationType(),
                (rule.priority() == null ? NotificationPriority.NORMAL : rule.priority()).wire(), rule.scenario(),
                rule.entity(), from, to);
        Map<String, PushText> rendered = new LinkedHashMap<>();
        for (RuleChannel channel : rule.channels()) {
            rendered.put(channel.wire(), templates.render(templates.ofRule(rule.templates(), channel.wire(), locale),
                    fields));
        }
        return rendered;
    }

    /** The enabled rules an event of this entity fires (one query; states matched here). */
    public List<RuleView> matching(String entity, String fromState, String toState) {
        return rules.enabledFor(entity).stream().map(this::view)
                .filter(rule -> new RuleStates(rule.states(), rule.fromStates()).matches(fromState, toState)).toList();
    }

    public RuleView view(PushRule rule) {
        try {
            RuleStates states = mapper.readValue(rule.states, RuleStates.class);
            return new RuleView(rule.publicId, rule.scenario, rule.entity, states.to(), states.from(), rule.recipient,
                    rule.notificationType, rule.priority == null ? null : NotificationPriority.fromWire(rule.priority),
                    Arrays.stream(rule.channels.split(",")).map(RuleChannel::fromWire).toList(),
                    mapper.readValue(rule.templates, RuleTexts.TEMPLATES), rule.delaySeconds, rule.enabled,
                    rule.createdAt, rule.updatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule unreadable", e);
        }
    }

    private void check(Caller caller, RuleRequest request) {
        if (!types.exists(caller, request.notificationType())) {
            throw DomainException.invalid("notificationType", "is not a type of the catalogue");
        }
        request.templates().forEach((channel, byLocale) -> {
            if (!TEXT_CHANNELS.contains(channel)) {
                throw DomainException.invalid("templates." + channel, "must be app, wechat, webhook or default");
            }
            byLocale.forEach((locale, text) -> {
                String at = "templates." + channel + "." + locale;
                if (!Locale.forLanguageTag(locale).toLanguageTag().equalsIgnoreCase(locale)) {
                    throw DomainException.invalid(at, "must be a BCP 47 language tag");
                }
                templates.check(at + ".title", text.title());
                templates.check(at + ".body", text.body());
            });
        });
        for (RuleChannel channel : request.channels()) {
            if (!request.templates().containsKey(channel.wire())
                    && !request.templates().containsKey(PushTemplates.DEFAULT_CHANNEL)) {
                throw DomainException.invalid("templates", "needs texts for " + channel.wire() + " or default");
            }
        }
    }

    private void apply(PushRule rule, RuleRequest request) {
        rule.scenario = request.scenario();
        rule.entity = request.entity();
        rule.states = json(new RuleStates(List.copyOf(request.states()),
                request.fromStates() == null ? null : List.copyOf(request.fromStates())));
        rule.recipient = request.recipient();
        rule.notificationType = request.notificationType();
        rule.priority = request.priority() == null ? null : request.priority().wire();
        rule.channels = String.join(",", request.channels().stream().distinct().map(RuleChannel::wire).toList());
        rule.templates = json(request.templates());
        rule.delaySeconds = request.delaySeconds() == null ? 0 : request.delaySeconds();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.updatedAt = now();
    }

    private PushRule find(String ruleId) {
        return rules.byPublicId(ruleId).orElseThrow(() -> new DomainException(ErrorCode.RULE_NOT_FOUND,
                "No such rule."));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are always serialisable", e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
