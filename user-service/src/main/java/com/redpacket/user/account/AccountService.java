package com.redpacket.user.account;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.id.IdGenerator;
import com.redpacket.platform.web.ApiException;
import com.redpacket.user.input.FieldErrors;
import com.redpacket.user.input.InputRules;
import com.redpacket.user.token.TokenIssuer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.UUID;

/** Registration, login and the caller's own profile. */
@Service
public class AccountService {
    private static final String WRONG_CREDENTIALS = "Wrong username or password";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final IdGenerator ids;
    private final TokenIssuer tokens;
    /** Checked against when the username is unknown, so a miss costs what a hit costs and usernames cannot be probed. */
    private final String decoyHash;

    public AccountService(UserRepository users, PasswordEncoder passwords, IdGenerator ids, TokenIssuer tokens) {
        this.users = users;
        this.passwords = passwords;
        this.ids = ids;
        this.tokens = tokens;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public UserView register(RegisterRequest request) {
        FieldErrors errors = new FieldErrors();
        String username = InputRules.username(request.username(), errors);
        String password = InputRules.password(request.password(), errors);
        String nickname = InputRules.displayText("nickname", request.nickname(), InputRules.NICKNAME_MAX, errors);
        errors.throwIfAny();
        User user = new User(ids.next(), username, nickname, passwords.encode(password));
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw ApiException.of(ErrorCode.USERNAME_TAKEN, "The username " + username + " is taken");
        }
        return UserView.of(user);
    }

    public LoginResponse login(LoginRequest request) {
        FieldErrors errors = new FieldErrors();
        String username = InputRules.credential("username", request.username(), InputRules.USERNAME_MAX, errors);
        String password = InputRules.credential("password", request.password(), InputRules.PASSWORD_MAX_BYTES, errors);
        errors.throwIfAny();
        // a name registration would refuse cannot belong to anyone; and the username column is ASCII, so the database
        // could not even compare it
        Optional<User> user = InputRules.isUsername(username) ? users.findByUsername(username) : Optional.empty();
        boolean matches = passwords.matches(password, user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            throw ApiException.of(ErrorCode.UNAUTHORIZED, WRONG_CREDENTIALS);
        }
        TokenIssuer.IssuedToken token = tokens.issue(user.get().id());
        return new LoginResponse(token.value(), "Bearer", Long.toString(user.get().id()), token.expiresInSeconds());
    }

    public UserView me(long userId) {
        return users.findById(userId).map(UserView::of)
                .orElseThrow(() -> ApiException.of(ErrorCode.USER_NOT_FOUND, "No user " + userId));
    }
}
