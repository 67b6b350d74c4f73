; Inno Setup 6: instalador do Paço para Windows, feito da pasta dist\paco que o installer.spec gera.
; Compile com build\windows.ps1 (ou: ISCC.exe /DVersao=0.1.0 build\windows\paco.iss).
;
; O programa vai para Arquivos de Programas\Paço; os dados do usuário (a base, as cópias, a
; configuração) ficam em %LOCALAPPDATA%\Paco, e o desinstalador NÃO os apaga.
; Instalar uma versão nova por cima da antiga substitui só os arquivos do programa (mesmo AppId);
; no primeiro início, o Paço faz uma cópia de segurança da base e a atualiza.

#ifndef Versao
  #define Versao "0.0.0"
#endif
#define Pasta "..\..\dist\paco"

[Setup]
AppId={{6F1D2C3A-8B9E-4C5D-A7F0-3E2B1C4D5A60}
AppName=Paço
AppVersion={#Versao}
AppVerName=Paço {#Versao}
AppPublisher=Paço
DefaultDirName={autopf}\Paço
DefaultGroupName=Paço
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=paco-{#Versao}-windows-x64-instalador
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
UninstallDisplayIcon={app}\paco.exe
UninstallDisplayName=Paço {#Versao}
CloseApplications=yes
WizardStyle=modern

[Languages]
Name: "ptbr"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"

[Tasks]
Name: "atalho"; Description: "Criar um atalho na área de trabalho"; GroupDescription: "Atalhos:"

[InstallDelete]
; Arquivos de uma versão anterior que a nova não traz mais (a pasta do programa é só do programa).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Pasta}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Paço"; Filename: "{app}\paco.exe"; WorkingDir: "{app}"
Name: "{group}\Desinstalar o Paço"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Paço"; Filename: "{app}\paco.exe"; WorkingDir: "{app}"; Tasks: atalho

[Run]
Filename: "{app}\paco.exe"; Description: "Abrir o Paço agora"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Só o que o programa deixou na pasta dele; %LOCALAPPDATA%\Paco (base, cópias) fica intacta.
Type: filesandordirs; Name: "{app}\_internal"

[Messages]
ptbr.ConfirmUninstall=Remover o Paço deste computador?%n%nOs seus dados (a base, as cópias de segurança e a configuração, em %LOCALAPPDATA%\Paco) NÃO serão apagados.
