/* assets.c — the web page (the files of web/, compiled into the binary by
 * scripts/web_assets.sh): looked up by exact path, so no path can reach
 * outside them (no file system is read). */
#include <string.h>

#include "server/server.h"

const server_asset *server_asset_find(const char *path)
{
    for (size_t i = 0; i < server_n_assets; i++)
        if (!strcmp(server_assets[i].path, path))
            return &server_assets[i];
    return NULL;
}
