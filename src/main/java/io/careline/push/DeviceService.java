package io.careline.push;

import io.careline.common.Outcome;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.push.api.DeviceRequest;
import io.careline.push.api.DeviceView;
import io.careline.push.model.Device;
import io.careline.push.model.DeviceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The caller's devices: register (or refresh a token), list, log out. */
@ApplicationScoped
public class DeviceService {
    static final String DEFAULT_LOCALE = "en";

    @Inject
    DeviceRepository devices;

    @Inject
    Clock clock;

    @Transactional
    public Outcome<DeviceView> register(Caller caller, String deviceId, DeviceRequest request) {
        if (!request.provider().serves(request.platform())) {
            throw DomainException.invalid("provider", "does not serve platform " + request.platform().wire());
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Device device = devices.find(caller.userId(), deviceId).orElse(null);
        boolean created = device == null;
        if (created) {
            device = new Device();
            device.userId = caller.userId();
            device.deviceId = deviceId;
            device.createdAt = now;
        }
        device.platform = request.platform();
        device.provider = request.provider();
        device.token = request.token();
        device.clientType = request.clientType();
        device.locale = request.locale() == null ? DEFAULT_LOCALE : request.locale();
        device.appVersion = request.appVersion();
        device.updatedAt = now;
        devices.persist(device);
        devices.flush();
        // A token addresses one installation: whoever registered it before no longer receives its pushes.
        devices.deleteOthersWithToken(device.provider, device.token, device.pk);
        return new Outcome<>(DeviceView.of(device), created);
    }

    @Transactional
    public List<DeviceView> list(Caller caller) {
        return devices.ofUser(caller.userId()).stream().map(DeviceView::of).toList();
    }

    @Transactional
    public void logout(Caller caller, String deviceId) {
        Device device = devices.find(caller.userId(), deviceId)
                .orElseThrow(() -> new DomainException(ErrorCode.DEVICE_NOT_FOUND, "No such device of yours."));
        devices.delete(device);
    }
}
