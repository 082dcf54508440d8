/* address.c — which network addresses the fetcher may connect to. Unless the
 * user allows private addresses, a fetch must not reach this machine, the
 * local network or a cloud metadata service (169.254.169.254): a feed or a
 * redirect could otherwise point storyline at them. Checked on the address a
 * connection is about to use (after DNS, for every redirect hop). */
#include <stdio.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "ingest/ingest.h"

/* The class of a non-public IPv4 address (host byte order), else NULL. */
static const char *ipv4_class(uint32_t a)
{
    if (a >> 24 == 0)
        return "an unspecified (0.0.0.0/8)";
    if (a >> 24 == 127)
        return "a loopback";
    if (a >> 24 == 10 || (a >> 20) == 0xAC1 || (a >> 16) == 0xC0A8)
        return "a private";
    if ((a >> 16) == 0xA9FE)
        return "a link-local (cloud metadata)";
    if ((a >> 22) == (100u << 2 | 1))   /* 100.64.0.0/10, carrier-grade NAT */
        return "a shared (carrier NAT)";
    if (a >> 28 >= 0xE)
        return "a multicast or reserved";
    return NULL;
}

static const char *ipv6_class(const unsigned char *b)
{
    static const unsigned char zero[16] = {0};
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (!memcmp(b, zero, 15) && b[15] <= 1)
        return b[15] ? "a loopback" : "an unspecified";
    if (!memcmp(b, mapped, 12) || !memcmp(b, zero, 12))   /* IPv4-mapped or -compatible */
        return ipv4_class((uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 | (uint32_t)b[14] << 8 | b[15]);
    if ((b[0] & 0xfe) == 0xfc)
        return "a unique local (private)";
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return "a link-local";
    if (b[0] == 0xff)
        return "a multicast";
    return NULL;
}

int sl_address_refused(const struct sockaddr *sa, char *why, size_t size)
{
    char text[INET6_ADDRSTRLEN] = "?";
    const char *cls = NULL;
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
        cls = ipv4_class(ntohl(in->sin_addr.s_addr));
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    } else if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
        cls = ipv6_class(in6->sin6_addr.s6_addr);
        inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    } else {
        cls = "a non-IP";
    }
    if (cls && why)
        snprintf(why, size, "refused to connect to %s: %s address (not fetched without --allow-private)", text,
                 cls);
    return cls != NULL;
}
