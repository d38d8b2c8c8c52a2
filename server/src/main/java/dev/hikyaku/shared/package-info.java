/** Value types and events used by every module. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.hikyaku.shared;

import org.springframework.modulith.ApplicationModule;
