package io.careline.notification;

import io.careline.common.Times;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.notification.api.SubscriptionResult;
import io.careline.notification.model.RoomSubscription;
import io.careline.notification.model.SubscriptionRepository;
import io.careline.user.SharedSessions;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Room subscriptions, granted room by room by {@link RoomRules} and kept until unsubscribed. */
@ApplicationScoped
public class SubscriptionService {
    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    UserService users;

    @Inject
    SharedSessions sharing;

    @Inject
    NotificationsConfig config;

    @Transactional
    public List<String> rooms(Caller caller) {
        return subscriptions.roomsOf(caller.userId());
    }

    /** Subscribes to each room the rules grant; each other room is listed with why it was refused. */
    @Transactional
    public SubscriptionResult subscribe(Caller caller, List<String> rooms) {
        RoomRules.Facts facts = new RoomRules.Facts() {
            @Override
            public Optional<String> departmentOf(String userId) {
                return users.departmentOf(userId);
            }

            @Override
            public boolean shareASession(String userId, String otherUserId) {
                return sharing.shareASession(userId, otherUserId);
            }
        };
        Set<String> held = new HashSet<>(subscriptions.roomsOf(caller.userId()));
        List<String> granted = new ArrayList<>();
        List<SubscriptionResult.RefusedRoom> refused = new ArrayList<>();
        for (String room : new LinkedHashSet<>(rooms)) {
            RoomRules.Refusal refusal = RoomRules.refusal(caller, room, facts);
            if (refusal == null && !held.contains(room) && held.size() >= config.maxSubscriptions()) {
                refusal = new RoomRules.Refusal(ErrorCode.LIMIT_EXCEEDED,
                        "At most " + config.maxSubscriptions() + " rooms per user.");
            }
            if (refusal != null) {
                refused.add(new SubscriptionResult.RefusedRoom(room, refusal.code().name(), refusal.message()));
                continue;
            }
            if (held.add(room)) {
                RoomSubscription subscription = new RoomSubscription();
                subscription.userId = caller.userId();
                subscription.room = room;
                subscription.createdAt = Times.now();
                subscriptions.persist(subscription);
            }
            granted.add(room);
        }
        return new SubscriptionResult(granted, refused);
    }

    /** Removes the subscriptions; rooms the caller did not hold are ignored. Returns the rooms still held. */
    @Transactional
    public List<String> unsubscribe(Caller caller, List<String> rooms) {
        subscriptions.unsubscribe(caller.userId(), rooms);
        return subscriptions.roomsOf(caller.userId());
    }
}
