package dev.ydmyk.storage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled job that stops with the service: it is not started once the stop has begun, the
 * stop waits (bounded) for it to finish, and a failure caused by the stop is not an ERROR.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BackgroundJob {

    @BackgroundJob
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    class StopsWithService {

        @Inject
        Stopping stopping;

        @AroundInvoke
        Object around(InvocationContext job) throws Exception {
            return stopping.job(job);
        }
    }
}
