package io.careline.push.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.push.PushConfig;
import io.careline.push.model.Channel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * WeChat: the Official Account's template message ({@code /cgi-bin/message/template/send}) or the
 * mini-program's subscribe message ({@code /cgi-bin/message/subscribe/send}) to an openid, with the template
 * id and the fields carrying title and body configured per template key, and WeChat's {@code errcode} mapped.
 */
public final class WeChatChannel implements PushChannel {
    /** The access token is invalid or expired: fetch another and retry. */
    private static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 40014, 42001);
    /** The openid cannot receive anything any more (invalid, unfollowed). */
    private static final Set<Integer> OPENID_GONE = Set.of(40003, 43004);
    /** WeChat is busy or rate-limits the app. */
    private static final Set<Integer> BUSY = Set.of(-1, 45009, 45011, 45047);

    /** The template of pushes whose key (or rule scenario) has none of its own. */
    static final String DEFAULT_TEMPLATE = "default";

    private final Channel channel;
    private final PushConfig config;
    private final PushConfig.App app;
    private final ProviderHttp http;
    private final WeChatTokens tokens;
    private final ObjectMapper mapper;

    private WeChatChannel(Channel channel, PushConfig config, PushConfig.App app, ProviderHttp http,
            WeChatTokens tokens, ObjectMapper mapper) {
        this.channel = channel;
        this.config = config;
        this.app = app;
        this.http = http;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    /** Template messages of the Official Account. */
    public static WeChatChannel officialAccount(PushConfig config, ProviderHttp http, WeChatTokens tokens,
            ObjectMapper mapper) {
        return new WeChatChannel(Channel.WECHAT, config, config.wechat().officialAccount(), http, tokens, mapper);
    }

    /** Subscribe messages of the mini-program. */
    public static WeChatChannel miniProgram(PushConfig config, ProviderHttp http, WeChatTokens tokens,
            ObjectMapper mapper) {
        return new WeChatChannel(Channel.WECHAT_MP, config, config.wechat().miniProgram(), http, tokens, mapper);
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean configured() {
        return app.appId().isPresent() && app.appSecret().isPresent();
    }

    @Override
    public CompletionStage<SendResult> send(Outgoing push) {
        Map<String, PushConfig.Template> templates = config.wechat().templates();
        PushConfig.Template template = templates.getOrDefault(push.template(), templates.get(DEFAULT_TEMPLATE));
        if (template == null) {
            return CompletableFuture.completedFuture(SendResult.dead("no_template"));
        }
        String path = channel == Channel.WECHAT ? "/cgi-bin/message/template/send" : "/cgi-bin/message/subscribe/send";
        return tokens.get(app).thenCompose(token -> http.post(config.wechat().baseUrl() + path
                + "?access_token=" + token, Map.of("content-type", "application/json"), body(push, template), false)
                .thenApply(reply -> result(reply, token)));
    }

    private SendResult result(ProviderHttp.Reply reply, String token) {
        if (reply.status() != 200) {
            return SendResult.retry("HTTP " + reply.status());
        }
        int errcode;
        try {
            JsonNode answer = mapper.readTree(reply.body());
            if (answer == null || !answer.path("errcode").isInt()) {
                return SendResult.retry("unreadable answer");
            }
            errcode = answer.get("errcode").asInt();
        } catch (Exception unreadable) {
            return SendResult.retry("unreadable answer");
        }
        String detail = "errcode " + errcode;
        if (errcode == 0) {
            return SendResult.delivered();
        }
        if (TOKEN_REFUSED.contains(errcode)) {
            tokens.invalidate(app, token);
            return SendResult.retry(detail);
        }
        if (OPENID_GONE.contains(errcode)) {
            return SendResult.gone(detail);
        }
        return BUSY.contains(errcode) ? SendResult.retry(detail) : SendResult.dead(detail);
    }

    private String body(Outgoing push, PushConfig.Template template) {
        ObjectNode root = mapper.createObjectNode();
        root.put("touser", push.token());
        root.put("template_id", template.id());
        config.wechat().link().ifPresent(link -> root.put(channel == Channel.WECHAT ? "url" : "page", link));
        ObjectNode data = root.putObject("data");
        data.putObject(template.titleField()).put("value", push.text().title());
        data.putObject(template.bodyField()).put("value", push.text().body());
        return root.toString();
    }
}
