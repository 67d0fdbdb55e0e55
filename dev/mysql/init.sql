-- One schema and one user per service: no service can read another's tables (ARCHITECTURE.md, Services).
-- Run as an administrator by dev/up (via infra-support) and by docker-compose's MySQL entrypoint.
-- The passwords are local-development defaults; production sets its own through the services' environment.
CREATE DATABASE IF NOT EXISTS redpacket_user CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS redpacket_packet CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS redpacket_payment CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS redpacket_settlement CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'redpacket_user'@'%' IDENTIFIED BY 'redpacket';
CREATE USER IF NOT EXISTS 'redpacket_user'@'localhost' IDENTIFIED BY 'redpacket';
CREATE USER IF NOT EXISTS 'redpacket_packet'@'%' IDENTIFIED BY 'redpacket';
CREATE USER IF NOT EXISTS 'redpacket_packet'@'localhost' IDENTIFIED BY 'redpacket';
CREATE USER IF NOT EXISTS 'redpacket_payment'@'%' IDENTIFIED BY 'redpacket';
CREATE USER IF NOT EXISTS 'redpacket_payment'@'localhost' IDENTIFIED BY 'redpacket';
CREATE USER IF NOT EXISTS 'redpacket_settlement'@'%' IDENTIFIED BY 'redpacket';
CREATE USER IF NOT EXISTS 'redpacket_settlement'@'localhost' IDENTIFIED BY 'redpacket';

GRANT ALL PRIVILEGES ON redpacket_user.* TO 'redpacket_user'@'%', 'redpacket_user'@'localhost';
GRANT ALL PRIVILEGES ON redpacket_packet.* TO 'redpacket_packet'@'%', 'redpacket_packet'@'localhost';
GRANT ALL PRIVILEGES ON redpacket_payment.* TO 'redpacket_payment'@'%', 'redpacket_payment'@'localhost';
GRANT ALL PRIVILEGES ON redpacket_settlement.* TO 'redpacket_settlement'@'%', 'redpacket_settlement'@'localhost';
FLUSH PRIVILEGES;
