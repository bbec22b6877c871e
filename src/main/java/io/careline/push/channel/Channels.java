package io.careline.push.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.push.PushConfig;
import io.careline.push.model.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The channel for each provider. */
@ApplicationScoped
public class Channels {
    @Inject
    FcmChannel fcm;

    @Inject
    ApnsChannel apns;

    @Inject
    WebhookChannel webhook;

    @Inject
    SmsChannel sms;

    @Inject
    EmailChannel email;

    @Inject
    PushConfig config;

    @Inject
    ProviderHttp http;

    @Inject
    WeChatTokens tokens;

    @Inject
    ObjectMapper mapper;

    private final Map<Channel, PushChannel> byChannel = new EnumMap<>(Channel.class);

    @PostConstruct
    void index() {
        for (PushChannel channel : List.of(fcm, apns, webhook, sms, email,
                WeChatChannel.officialAccount(config, http, tokens, mapper),
                WeChatChannel.miniProgram(config, http, tokens, mapper))) {
            byChannel.put(channel.channel(), channel);
        }
    }

    public PushChannel of(Channel channel) {
        return byChannel.get(channel);
    }
}
