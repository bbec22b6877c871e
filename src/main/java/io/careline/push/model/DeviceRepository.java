package io.careline.push.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The current tenant's devices. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, Long> {

    public List<Device> ofUser(String userId) {
        return list("userId = ?1 order by deviceId", userId);
    }

    public Optional<Device> find(String userId, String deviceId) {
        return find("userId = ?1 and deviceId = ?2", userId, deviceId).firstResultOptional();
    }

    /** Another registration of the same provider token (the phone changed hands, or the app was reinstalled). */
    public long deleteOthersWithToken(Channel provider, String token, long keep) {
        return delete("provider = ?1 and token = ?2 and pk <> ?3", provider, token, keep);
    }

    /** Removes devices of any tenant by key (their providers said the token is gone; plain SQL, no caller). */
    public void deleteGone(List<Long> devicePks) {
        getEntityManager().createNativeQuery("DELETE FROM push_devices WHERE pk IN (?1)").setParameter(1, devicePks)
                .executeUpdate();
    }
}
