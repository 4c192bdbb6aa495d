package org.redress.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Console pages are rendered by {@link WholePageView}. */
@Component
class WholePageViews implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ThymeleafViewResolver resolver) {
            resolver.setViewClass(WholePageView.class);
        }
        return bean;
    }
}
