/** Infrastructure shared by the modules: clock, data directory, secret encryption, database. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.hikyaku.platform;

import org.springframework.modulith.ApplicationModule;
