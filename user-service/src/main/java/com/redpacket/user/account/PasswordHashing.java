package com.redpacket.user.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt, cost {@code redpacket.passwords.bcrypt-strength} (default 10, about 60 ms per hash on one core: slow for a
 * password guesser, fine for a login). Tests lower it so that hundreds of registrations stay quick.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {
    @Bean
    PasswordEncoder passwordEncoder(@Value("${redpacket.passwords.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }
}
