package io.careline.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Third-party classes that are loaded by name at run time and so must be registered for the native image:
 * the MySQL driver's plug-ins for the options we set ({@code cachePrepStmts}, {@code cacheServerConfiguration}).
 * Our own classes register themselves with {@code @RegisterForReflection}.
 */
@RegisterForReflection(classNames = { "com.mysql.cj.PerConnectionLRUFactory",
        "com.mysql.cj.util.PerVmServerConfigCacheFactory" })
public final class NativeReflection {
    private NativeReflection() {
    }
}
