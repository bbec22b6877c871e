package io.careline.realtime.handler;

import io.careline.common.security.Caller;
import io.careline.realtime.frame.ClientFrame;
import io.careline.realtime.frame.ServerFrame;
import io.careline.support.QueueService;
import io.careline.support.RoomLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The support desk's frames: an agent's {@code claim} of a waiting room and {@code finish} of a held one. */
@ApplicationScoped
public class DeskFrames {
    @Inject
    QueueService queue;

    @Inject
    RoomLifecycle rooms;

    public ServerFrame claim(Caller caller, ClientFrame frame) {
        return ServerFrame.Room.of(frame.id(), queue.claim(caller, frame.sessionId()).value());
    }

    public ServerFrame finish(Caller caller, ClientFrame frame) {
        return ServerFrame.Room.of(frame.id(), rooms.finish(caller, frame.sessionId()));
    }
}
